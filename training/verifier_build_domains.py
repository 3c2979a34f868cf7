"""Build ``verifier/data/domains.json`` (domain → credibility label) from ../shared/data/credibility/.

Sources and licences (attribution is written into the file):
- OpenSources (LGPL-3.0): only domain + label facts are derived (satire → satire; fake, conspiracy,
  junksci, unreliable, rumor, hate, clickbait → unreliable; reliable → reliable).
- Wikipedia: Reliable sources/Perennial sources, snapshot 2021-03-17 (CC BY-SA 3.0): "Generally reliable"
  → reliable; "Generally unreliable", "Deprecated", "Blacklisted" → unreliable.
- idiap/News-Media-Reliability (Apache-2.0): only rows with label_source ``manual`` or ``wikipedia``
  (1 → reliable, -1/-2 → unreliable); MBFC and NewsGuard rows are not used.
- Our curated list (below) wins over all of them: well-known satire outlets and user-generated platforms.

Usage: .venv/bin/python training/verifier_build_domains.py [--data ../shared/data/credibility] [--out FILE]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

import tldextract

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT.parent / "shared" / "data" / "credibility"  # the shared data sets sit next to the repository
OUT = ROOT / "verifier/data/domains.json"

CURATED = {
    "satire": [
        "theonion.com",
        "babylonbee.com",
        "clickhole.com",
        "thebeaverton.com",
        "newsthump.com",
        "thedailymash.co.uk",
        "waterfordwhispersnews.com",
        "duffelblog.com",
        "reductress.com",
        "thehardtimes.net",
        "thespoof.com",
        "worldnewsdailyreport.com",
        "newsbiscuit.com",
        "thepoke.co.uk",
        "chaser.com.au",
        "betootaadvocate.com",
        "der-postillon.com",
        "legorafi.fr",
        "elmundotoday.com",
        "lercio.it",
        "private-eye.co.uk",
        "scrappleface.com",
        "eveningharold.com",
    ],
    "user_generated": [
        "reddit.com",
        "redd.it",
        "quora.com",
        "stackexchange.com",
        "stackoverflow.com",
        "superuser.com",
        "serverfault.com",
        "askubuntu.com",
        "mathoverflow.net",
        "answers.com",
        "answers.yahoo.com",
        "medium.com",
        "substack.com",
        "4chan.org",
        "4channel.org",
        "tumblr.com",
        "blogspot.com",
        "wordpress.com",
        "facebook.com",
        "twitter.com",
        "x.com",
        "tiktok.com",
        "youtube.com",
        "instagram.com",
        "fandom.com",
        "wikia.com",
        "discord.com",
        "discourse.org",
        "boards.ie",
        "city-data.com",
        "gamefaqs.gamespot.com",
        "steamcommunity.com",
        "pinterest.com",
        "linkedin.com",
        "ycombinator.com",
        "slashdot.org",
        "mumsnet.com",
        "netmums.com",
        "ehow.com",
        "wikihow.com",
    ],
    "reliable": [
        "docs.python.org",
        "python.org",
        "nih.gov",
        "cdc.gov",
        "who.int",
        "nasa.gov",
        "noaa.gov",
        "britannica.com",
        "nature.com",
        "science.org",
        "reuters.com",
        "apnews.com",
        "bbc.co.uk",
        "bbc.com",
        "npr.org",
        "usgs.gov",
        "fda.gov",
        "nhs.uk",
    ],
}
OPENSOURCES_MAP = {
    "satire": "satire",
    "satirical": "satire",
    "fake": "unreliable",
    "fake news": "unreliable",
    "conspiracy": "unreliable",
    "junksci": "unreliable",
    "unreliable": "unreliable",
    "rumor": "unreliable",
    "hate": "unreliable",
    "clickbait": "unreliable",
    "reliable": "reliable",
}
ATTRIBUTION = [
    "OpenSources (github.com/OpenSourcesGroup/opensources), LGPL-3.0: domain and label facts derived.",
    "Wikipedia: Reliable sources/Perennial sources (snapshot 2021-03-17 via "
    "github.com/Kudusch/wikipedia-perennial-sources), CC BY-SA 3.0: domain and status facts derived.",
    "idiap/News-Media-Reliability (github.com/idiap/News-Media-Reliability), Apache-2.0: "
    "rows with label_source manual or wikipedia only.",
    "Curated by the Verisight project.",
]

_extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def domain_key(raw: str) -> str | None:
    """Registrable domain of a host or URL-ish string (host kept when it is a listed subdomain site)."""
    raw = raw.strip().lower()
    if not raw or " " in raw:
        return None
    host = raw.split("//")[-1].split("/")[0].split("#")[0].removeprefix("www.")
    ext = _extract(host)
    if not ext.suffix or not ext.domain:
        return None
    return f"{ext.domain}.{ext.suffix}"


def main(argv: list[str] | None = None) -> int:
    """Merge the lists (curated first) and write the JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=SRC, help="folder of the three source lists (default: %(default)s)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    entries: dict[str, dict[str, str]] = {}

    def put(domain: str | None, label: str, source: str) -> None:
        if domain and domain not in entries:
            entries[domain] = {"label": label, "source": source}

    for label, domains in CURATED.items():
        for d in domains:
            # keep host-level keys such as answers.yahoo.com or docs.python.org as written
            put(d.removeprefix("www."), label, "curated")
    with (args.data / "opensources_sources.csv").open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))[1:]
    for row in rows:  # satire first: it is the most specific label
        types = [t.strip().lower() for t in row[1:4] if t.strip()]
        if "satire" in types or "satirical" in types:
            put(domain_key(row[0]), "satire", "opensources")
    for row in rows:
        types = [OPENSOURCES_MAP[t.strip().lower()] for t in row[1:4] if t.strip().lower() in OPENSOURCES_MAP]
        if "unreliable" in types:
            put(domain_key(row[0]), "unreliable", "opensources")
        elif types == ["reliable"]:
            put(domain_key(row[0]), "reliable", "opensources")
    with (args.data / "wikipedia_perennial_sources.csv").open(encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            status = json.loads(rec["status"])
            if "Generally reliable" in status:
                label = "reliable"
            elif {"Generally unreliable", "Deprecated", "Blacklisted"} & set(status):
                label = "unreliable"
            else:
                continue
            for u in json.loads(rec["urls"]):
                if "wikidata.org" not in u:
                    put(domain_key(u), label, "wikipedia-perennial")
    with (args.data / "idiap_golden_truth.csv").open(encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            if rec["label_source"] not in ("manual", "wikipedia"):
                continue
            lab = int(rec["reliability_label"])
            if lab == 1:
                put(domain_key(rec["domain"]), "reliable", f"idiap-{rec['label_source']}")
            elif lab < 0:
                put(domain_key(rec["domain"]), "unreliable", f"idiap-{rec['label_source']}")
    out = {
        "version": 1,
        "attribution": ATTRIBUTION,
        "domains": {d: [v["label"], v["source"]] for d, v in sorted(entries.items())},
    }
    args.out.write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")
    counts: dict[str, int] = {}
    for v in entries.values():
        counts[v["label"]] = counts.get(v["label"], 0) + 1
    print(f"wrote {len(entries)} domains to {args.out}: {counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
