"""WARC/ARC import: HTML ``response`` records through the same extraction and dedup path as a crawl."""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from crawler.errors import WarcError
from crawler.extraction import parse_page
from crawler.fetch import DEFAULT_MAX_BYTES, HTML_TYPES
from crawler.sink import DocumentSink
from crawler.urls import normalize, url_reason


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import did: records seen, documents stored (duplicates among them), records skipped or broken."""

    records: int
    stored: int
    duplicates: int
    skipped: int
    errors: int
    by_reason: dict[str, int] = field(default_factory=dict)


def _size(path: Path | str) -> int:
    """The file's size in bytes, 0 when it cannot be read (the open below reports why)."""
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


def _fetched_at(date: str | None) -> str:
    """The WARC-Date as ``YYYY-MM-DDTHH:MM:SSZ`` (fractions dropped), or ''."""
    if not date:
        return ""
    return date[:19] + "Z" if len(date) >= 19 else date


def import_warc(
    paths: Iterable[Path | str],
    sink: DocumentSink,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[int, int], None] | None = None,
) -> ImportSummary:
    """Extract and store the HTML ``response`` records of WARC/ARC files; broken records are counted, not fatal.

    ``progress(bytes_read, total_bytes)`` is called after each record (sizes of the files on disk).
    Raises ``WarcError`` only when a file cannot be opened at all.
    """
    reasons: Counter[str] = Counter()
    records = stored = duplicates = 0
    paths = list(paths)
    total = sum(_size(p) for p in paths)
    finished = 0
    for path in paths:
        try:
            stream = open(path, "rb")  # noqa: SIM115 - closed in the finally below
        except OSError as exc:
            raise WarcError(f"cannot open {path}: {exc.strerror or exc}") from exc
        try:
            iterator = iter(ArchiveIterator(stream, arc2warc=True))
            while True:
                try:
                    record = next(iterator)
                except StopIteration:
                    break
                except (ArchiveLoadFailed, ValueError, OSError, zlib.error, EOFError, AttributeError, TypeError) as exc:
                    # The reader cannot resynchronise after a broken record, so the rest of this file is lost.
                    reasons[f"corrupt_record:{type(exc).__name__}"] += 1
                    break
                if record.rec_type != "response":
                    continue
                records += 1
                outcome = _import_record(record, sink, max_bytes)
                if outcome == "stored":
                    stored += 1
                elif outcome == "duplicate":
                    stored += 1
                    duplicates += 1
                else:
                    reasons[outcome] += 1
                if progress is not None:
                    progress(min(total, finished + stream.tell()), total)
        finally:
            stream.close()
        finished += _size(path)
        if progress is not None:
            progress(min(total, finished), total)
    errors = sum(n for r, n in reasons.items() if r.startswith(("corrupt_record", "read_error")))
    if duplicates:
        reasons["duplicate"] += duplicates
    return ImportSummary(
        records=records,
        stored=stored,
        duplicates=duplicates,
        skipped=sum(n for r, n in reasons.items() if r != "duplicate") - errors,
        errors=errors,
        by_reason=dict(sorted(reasons.items())),
    )


def _import_record(record: object, sink: DocumentSink, max_bytes: int) -> str:
    """Import one response record; return ``stored``, ``duplicate`` or the reason it was skipped."""
    headers = record.rec_headers  # type: ignore[attr-defined]
    http = record.http_headers  # type: ignore[attr-defined]
    target = (headers.get_header("WARC-Target-URI") or "").strip().strip("<>")  # WARC 1.1 allows <uri>
    url = normalize(target) if target else None
    if url is None or url_reason(url, allow_private=True):
        return "bad_target_uri"
    if http is None:
        return "no_http_headers"
    status = http.get_statuscode()
    if not status or not status.startswith("2"):
        return f"http_{status or 'unknown'}"
    content_type = (http.get_header("Content-Type") or "").lower()
    media = content_type.split(";")[0].strip()
    if media and not media.startswith(HTML_TYPES):
        return f"not_html:{media}"
    charset = None
    if "charset=" in content_type:
        charset = content_type.split("charset=", 1)[1].split(";")[0].strip().strip("\"'") or None
    try:
        body = record.content_stream().read(max_bytes + 1)  # type: ignore[attr-defined]
    except (OSError, ValueError, zlib.error, EOFError, AttributeError, TypeError) as exc:
        return f"read_error:{type(exc).__name__}"
    if len(body) > max_bytes:
        return "too_large"
    page = parse_page(body, url, fetched_at=_fetched_at(headers.get_header("WARC-Date")), charset=charset)
    if page.document is None:
        return page.reason or "no_main_text"
    stored = sink.put(page.document, body)
    return "duplicate" if stored.duplicate_of else "stored"
