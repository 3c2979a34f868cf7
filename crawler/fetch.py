"""Polite HTTP fetching: a resolving, address-checking transport and a capped, redirect-aware fetcher."""

from __future__ import annotations

import asyncio
import email.utils
import ipaddress
import socket
import time
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import httpx

from crawler.errors import UrlRefused
from crawler.urls import METADATA_HOSTS, address_reason, normalize, url_reason

USER_AGENT = "VerisightBot/0.1 (+https://github.com/verisight)"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xml", "text/xml")
RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})


def parse_resolve(mapping: Mapping[str, str] | None) -> dict[str, tuple[str, int | None]]:
    """Turn ``{"host": "addr:port"}`` (or ``{"host:port": "addr"}``) into ``{key: (addr, port)}``."""
    out: dict[str, tuple[str, int | None]] = {}
    for key, value in (mapping or {}).items():
        value = value.strip()
        addr, port = value, None
        if value.startswith("["):  # [::1]:8080
            addr, _, rest = value[1:].partition("]")
            port = int(rest[1:]) if rest.startswith(":") else None
        elif value.count(":") == 1:
            addr, _, p = value.partition(":")
            port = int(p)
        out[key.lower().strip()] = (addr, port)
    return out


class ResolvingTransport(httpx.AsyncHTTPTransport):
    """Connects by checked IP: ``resolve`` overrides DNS like ``curl --resolve``; Host and SNI stay real.

    Every connection goes to an address that passed the network rules (loopback allowed, link-local and
    metadata refused, private ranges only with ``allow_private``), so a hostname cannot smuggle a request
    to a forbidden address through DNS.
    """

    def __init__(
        self, *, resolve: Mapping[str, str] | None = None, allow_private: bool = False, **kwargs: object
    ) -> None:
        """Build the transport; ``kwargs`` go to ``httpx.AsyncHTTPTransport``."""
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.resolve = parse_resolve(resolve)
        self.allow_private = allow_private

    async def _address(self, host: str, port: int) -> tuple[str, int]:
        """The checked address to connect to for ``host:port``."""
        forced = self.resolve.get(f"{host}:{port}") or self.resolve.get(host)
        if forced is not None:
            addr, forced_port = forced
            ip = ipaddress.ip_address(addr)
            reason = address_reason(ip, allow_private=True)  # resolve targets are the operator's choice
            if reason:
                raise UrlRefused(f"{host}:{port}", reason)
            return addr, forced_port or port
        if host in METADATA_HOSTS:
            raise UrlRefused(host, "metadata_address")
        try:
            ip = ipaddress.ip_address(host)
        except ValueError:
            loop = asyncio.get_running_loop()
            try:
                infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except OSError as exc:
                raise httpx.ConnectError(f"dns_error: {exc}") from exc
            if not infos:
                raise httpx.ConnectError("dns_error: no address") from None
            ip = ipaddress.ip_address(infos[0][4][0])
        reason = address_reason(ip, allow_private=self.allow_private)
        if reason:
            raise UrlRefused(f"{host}:{port}", reason)
        return str(ip), port

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Rewrite the request to the checked address, keeping the Host header and TLS server name."""
        host = request.url.host
        port = request.url.port or (443 if request.url.scheme == "https" else 80)
        addr, real_port = await self._address(host, port)
        if addr != host or real_port != port:
            if "host" not in request.headers:
                request.headers["Host"] = request.url.netloc.decode("ascii")
            if request.url.scheme == "https":
                request.extensions = {**request.extensions, "sni_hostname": host}
            request.url = request.url.copy_with(host=addr, port=real_port)
        return await super().handle_async_request(request)


def make_client(
    *,
    resolve: Mapping[str, str] | None = None,
    allow_private: bool = False,
    timeout: float = 20.0,
    connect_timeout: float = 10.0,
    max_connections: int = 100,
    user_agent: str = USER_AGENT,
) -> httpx.AsyncClient:
    """An ``httpx.AsyncClient`` with the resolving transport, timeouts, our User-Agent, no auto-redirects."""
    transport = ResolvingTransport(
        resolve=resolve,
        allow_private=allow_private,
        limits=httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections),
    )
    return httpx.AsyncClient(
        transport=transport,
        timeout=httpx.Timeout(timeout, connect=connect_timeout),
        follow_redirects=False,
        headers={
            "User-Agent": user_agent,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
        },
    )


@dataclass(slots=True)
class FetchResult:
    """Outcome of one fetch: the body on success, otherwise a reason and whether to retry."""

    url: str
    final_url: str
    status: int | None = None
    content_type: str = ""
    charset: str | None = None
    body: bytes = b""
    reason: str | None = None
    retryable: bool = False
    retry_after: float | None = None
    redirects: list[str] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when the fetch produced an HTML body to extract."""
        return self.reason is None


class _Decoder:
    """Incremental, bounded Content-Encoding decoder (identity, gzip, deflate)."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._z: zlib._Decompress | None = None
        if encoding in ("gzip", "x-gzip"):
            self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._z = zlib.decompressobj()

    def feed(self, data: bytes, limit: int) -> list[bytes]:
        """Decoded bytes for ``data``, at most about ``limit`` of them (more means the cap was hit)."""
        if self._z is None:
            return [data]
        out: list[bytes] = []
        produced = 0
        try:
            chunk = self._z.decompress(data, max(1, limit))
            while True:
                out.append(chunk)
                produced += len(chunk)
                if produced > limit or not self._z.unconsumed_tail:
                    break
                chunk = self._z.decompress(self._z.unconsumed_tail, max(1, limit - produced + 1))
        except zlib.error as exc:
            if self.encoding == "deflate" and not out and produced == 0:
                # Some servers send raw deflate without the zlib header.
                self._z = zlib.decompressobj(-zlib.MAX_WBITS)
                self.encoding = "raw-deflate"
                return self.feed(data, limit)
            raise httpx.DecodingError(str(exc)) from exc
        return out


def _decoder(content_encoding: str) -> _Decoder | None:
    """A decoder for the response's Content-Encoding, or None when it is not one we accept."""
    encoding = content_encoding.strip().lower()
    if encoding in ("", "identity", "gzip", "x-gzip", "deflate"):
        return _Decoder(encoding)
    return None


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


def _content_type(headers: httpx.Headers) -> tuple[str, str | None]:
    """The media type and charset parameter of a response."""
    raw = headers.get("content-type", "")
    media, _, params = raw.partition(";")
    charset = None
    for p in params.split(";"):
        k, _, v = p.strip().partition("=")
        if k.lower() == "charset" and v:
            charset = v.strip().strip("\"'")
    return media.strip().lower(), charset


class Fetcher:
    """Fetches pages: manual redirects with a limit and loop detection, a byte cap, HTML-only bodies."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_redirects: int = 10,
        deadline: float = 60.0,
        accept_url: Callable[[str], str | None] | None = None,
        allow_private: bool = False,
    ) -> None:
        """``accept_url`` returns why a redirect target is refused (out of scope), or None to follow it."""
        self.client = client
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.deadline = deadline
        self.accept_url = accept_url
        self.allow_private = allow_private

    async def fetch(self, url: str, *, html_only: bool = True, headers: Mapping[str, str] | None = None) -> FetchResult:
        """GET ``url`` following redirects; never raises for network or HTTP problems (see ``reason``)."""
        result = FetchResult(url=url, final_url=url)
        try:
            async with asyncio.timeout(self.deadline):
                await self._fetch(result, html_only, dict(headers or {}))
        except TimeoutError:
            result.reason, result.retryable = "timeout", True
        except UrlRefused as exc:
            result.reason = exc.reason
        except httpx.TimeoutException:
            result.reason, result.retryable = "timeout", True
        except httpx.ConnectError as exc:
            result.reason = "dns_error" if "dns_error" in str(exc) else "connect_error"
        except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
            result.reason, result.retryable = f"network_error:{type(exc).__name__}", True
        except httpx.DecodingError:
            result.reason = "decoding_error"
        except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
            result.reason = f"http_error:{type(exc).__name__}"
        return result

    async def _fetch(self, result: FetchResult, html_only: bool, headers: dict[str, str]) -> None:
        """The redirect loop behind :meth:`fetch`."""
        current = result.url
        seen = {current}
        for _ in range(self.max_redirects + 1):
            refused = url_reason(current, allow_private=self.allow_private)
            if refused:
                result.reason = refused
                return
            async with self.client.stream("GET", current, headers=headers) as response:
                result.final_url = current
                result.status = response.status_code
                result.headers = {k.lower(): v for k, v in response.headers.items()}
                if response.status_code == 304:
                    result.reason = "not_modified"
                    return
                if response.status_code in REDIRECT_STATUS and "location" in response.headers:
                    target = normalize(response.headers["location"], current)
                    if target is None:
                        result.reason = "bad_redirect"
                        return
                    if target in seen:
                        result.reason = "redirect_loop"
                        return
                    why = url_reason(target, allow_private=self.allow_private) or (
                        self.accept_url(target) if self.accept_url else None
                    )
                    if why:
                        result.reason = f"redirect_{why}"
                        return
                    seen.add(target)
                    result.redirects.append(target)
                    current = target
                    continue
                if response.status_code >= 400 or response.status_code < 200:
                    result.reason = f"http_{response.status_code}"
                    if response.status_code in RETRYABLE_STATUS:
                        result.retryable = True
                        result.retry_after = retry_after_seconds(response.headers.get("retry-after"))
                    return
                media, charset = _content_type(response.headers)
                result.content_type, result.charset = media, charset
                if html_only and media and not media.startswith(HTML_TYPES):
                    result.reason = f"not_html:{media}"
                    return
                length = response.headers.get("content-length", "")
                if length.isdigit() and int(length) > self.max_bytes:
                    result.reason = "too_large"
                    return
                decoder = _decoder(response.headers.get("content-encoding", ""))
                if decoder is None:
                    result.reason = "unsupported_content_encoding"
                    return
                chunks: list[bytes] = []
                size = 0
                async for raw in response.aiter_raw():
                    # Decompress with a bound, so a gzip bomb stops at the cap instead of filling memory.
                    for chunk in decoder.feed(raw, self.max_bytes - size + 1):
                        size += len(chunk)
                        chunks.append(chunk)
                    if size > self.max_bytes:
                        result.reason = "too_large"
                        return
                result.body = b"".join(chunks)
                return
        result.reason = "too_many_redirects"
