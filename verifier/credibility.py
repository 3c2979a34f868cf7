"""Source credibility: reliable | unknown | user_generated | unreliable | satire, with the reasons.

Order of precedence: a reviewer override for the host or registrable domain wins over everything; then
satire (page self-description or disclaimer, an "originally published by <satire outlet>" line, a
near-duplicate of a satire page, a satire domain); then a domain listed unreliable; then user-generated
(listed platform, or forum/Q&A structure on the page); then a domain listed reliable; else unknown.

Page signals are looked for in the extracted text and, when the caller passes it, the raw HTML, because
extraction drops footers (where satire sites put their disclaimers) and the usernames, points and
"Reply · Quote" lines of forum posts. Text inside quotation marks is ignored for the satire phrases, so a
news report quoting a satire site's disclaimer is not itself satire.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Mapping
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import tldextract

from verifier.types import CREDIBILITY_LABELS, SourceCredibility

DOMAINS_FILE = Path(__file__).parent / "data" / "domains.json"

# Outlet names (not domains) known to publish satire, for "originally published by <name>" lines.
SATIRE_NAMES = (
    "The Onion",
    "The Babylon Bee",
    "ClickHole",
    "The Beaverton",
    "NewsThump",
    "The Daily Mash",
    "Waterford Whispers News",
    "Duffel Blog",
    "Reductress",
    "The Hard Times",
    "The Spoof",
    "World News Daily Report",
    "Der Postillon",
    "Le Gorafi",
    "El Mundo Today",
    "The Chaser",
    "The Betoota Advocate",
    "The Borowitz Report",
    "Private Eye",
    "Newsbiscuit",
)

_extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

_QUOTED = re.compile(r"[\"“][^\"“”]{0,400}[\"”]")
_S = r"[ \t]+"
# What a page or its site may call itself, in the phrasings sites use (a credit line, a footer, a byline, the about
# page, a notice under the story). Every self-description needs a subject that is the page or site itself ("this
# story", "our site", "we", "everything here", or the site's own name, checked in ``satire_signals``), so a news
# report saying that another outlet is satire is not itself satire; text inside quotation marks is ignored.
_GENRE = (
    r"(?:satire|satirical|satiric|parody|parodies|spoof|humou?r|humou?rous|comedy|comedic|comic|joke|jokes|fiction)"
)
_FAKE = (
    rf"(?:an?{_S})?(?:(?:work|works|piece|pieces){_S}of{_S})?(?:pure{_S}|just{_S}|only{_S}|meant{_S}as{_S}|"
    rf"intended{_S}as{_S}|written{_S}as{_S})?(?:an?{_S})?(?:{_GENRE}|fictional|fictitious|made{_S}up|invented|"
    rf"fabricated|imaginary|not{_S}(?:real|actual|genuine){_S}news)\b"
)
_SELF = (
    r"(?:this|our)[ \t]+(?:web[ \t]?site|site|blog|article|story|stories|piece|post|publication|page|newspaper|"
    r"paper|column|magazine|content|report|item|news)"
)
_WORKS = r"(?:articles?|stories|story|posts?|pieces?|news|content|reports?|headlines?|items?)"
# Strong: one is enough.
_SATIRE_STRONG = [
    re.compile(p, re.I)
    for p in (
        rf"\b{_SELF}{_S}(?:is|are|was|were){_S}{_FAKE}",
        rf"\bwe{_S}are{_S}(?:an?{_S})?(?:[\w-]+{_S}){{0,2}}?(?:{_GENRE}|fake{_S}news)\b",
        rf"\bwe{_S}(?:write|publish|make|invent|produce)(?:{_S}up)?{_S}(?:fake{_S}news|jokes|satire|parod\w+|"
        rf"comic{_S}fiction|fiction|things{_S}up|stuff{_S}up|stories{_S}up|everything{_S}up|it{_S}all{_S}up)\b",
        rf"\b(?:all|every|each){_S}(?:of{_S}(?:our|the){_S})?(?:[\w-]+{_S})?{_WORKS}"
        rf"(?:{_S}(?:on|in){_S}(?:this|our){_S}(?:web)?(?:site|paper|page|blog)|{_S}here|{_S}we{_S}(?:publish|run|write))?"
        rf"{_S}(?:are|is){_S}{_FAKE}",
        rf"\b(?:everything|all{_S}(?:the{_S})?content)(?:{_S}(?:on|in){_S}(?:this|our){_S}(?:web)?(?:site|paper|page|blog)"
        rf"|{_S}here|{_S}we{_S}(?:publish|write|print))?{_S}is{_S}{_FAKE}",
        rf"\bnothing{_S}(?:(?:on|in){_S}(?:this|our){_S}(?:web)?(?:site|paper|page|blog)|here|we{_S}(?:publish|write|print))"
        rf"{_S}is{_S}(?:true|real)\b",
        rf"\bmade{_S}up{_S}for{_S}(?:comedic{_S}purposes|laughs|fun)\b",
        rf"\bfake{_S}news{_S}(?:for{_S}(?:fun|laughs)|on{_S}purpose)\b",
        rf"\bthis{_S}is{_S}(?:an?{_S})?(?:{_GENRE}|satirical{_S}(?:article|piece|story))\b",
        rf"\b(?:we{_S}are|this{_S}is|is){_S}not{_S}an?{_S}real{_S}news{_S}(?:organi[sz]ation|site|website|outlet|source|"
        rf"publication|paper)\b",
        # a byline or credit naming the author as a humorist ("By Gus Whimple, Staff Humorist")
        r"\bby\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},?\s+(?:[\w-]+\s+){0,2}?"
        r"(?:humou?rist|satirist|comedian|comedy\s+writer|parodist|humou?r\s+(?:writer|columnist|editor))\b",
        rf"\b(?:filed{_S}under|category|section|tags?|genre)[ \t]*:[ \t]*(?:satire|parody|humou?r|comedy|spoof)\b",
    )
]
# Weak: two are needed (or one on a site that is not listed reliable and calls itself satire by name).
_SATIRE_WEAK = [
    re.compile(p, re.I)
    for p in (
        rf"\bnot{_S}(?:real|actual|genuine){_S}news\b",
        rf"\bfor{_S}(?:entertainment|comedic|humou?r){_S}purposes(?:{_S}only)?\b",
        rf"\bany{_S}resemblance{_S}to{_S}(?:real|actual)\b",
        r"\bat press time\b",
        rf"\bworks?{_S}of{_S}(?:fiction|satire|parody|comedy)\b",
        rf"\bproducts?{_S}of{_S}(?:the{_S})?(?:authors?|writers?)['’]?s?{_S}imagination",
        rf"\b(?:do{_S}not|don['’]t|please{_S}don['’]t){_S}(?:try|follow|take){_S}(?:any{_S}of{_S})?"
        rf"(?:this|it|our{_S}advice|these{_S}tips)(?:{_S}at{_S}home)?\b",
    )
]
# "<Site name> is a satirical publication", "<Site name> is parody", "<Site name> publishes comic fiction"
_NAMED_SATIRE = re.compile(
    r"(?P<name>(?:[A-Z][\w&'’.-]*[ \t]+){0,4}[A-Z][\w&'’.-]*)[ \t]+(?:"
    r"(?:is|are)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:satirical|satire|satiric|parody|spoof|humou?r|humou?rous|comedy|"
    r"comic|joke|fake)\s+(?:news\s+)?(?:publication|website|web\s+site|site|newspaper|magazine|outlet|blog|paper|"
    r"column|show|page|journal)\b"
    r"|(?:is|are)\s+(?:an?\s+)?(?:satire|parody|spoof|humou?r|comedy|fiction|comic\s+fiction|fake\s+news)\b"
    r"|(?:publishes|writes|makes|prints|invents)\s+(?:up\s+)?(?:comic\s+fiction|jokes|satire|parody|fake\s+news|"
    r"things\s+up|stuff\s+up|everything|stories\s+up|fiction)\b)"
)
_TITLE_GENRE = re.compile(r"^\s*(?:satire|parody|humou?r|comedy|spoof)\s*$", re.I)
_REPUBLISHED = re.compile(
    r"\b(?:originally|first)\s+(?:published|appeared|posted|ran)\s+(?:by|on|in|at)\s+"
    r"(?P<name>(?:the\s+)?[A-Za-z0-9][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})"
    r"|\b(?:republished|reprinted|reposted)\s+(?:from|with\s+permission\s+from)\s+"
    r"(?P<name2>(?:the\s+)?[A-Za-z0-9][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})",
    re.I,
)
_FORUM_TEXT = {
    "posted by": re.compile(r"\bposted\s+by\b", re.I),
    "reply/quote controls": re.compile(r"\breply\s*[·|•]\s*quote\b|\bquote\s*[·|•]\s*reply\b", re.I),
    "vote counts": re.compile(r"[▲⬆↑]\s*\d+|\b\d[\d,.]*k?\s+(?:points|upvotes|votes|likes)\b", re.I),
    "member ranks": re.compile(r"\b(?:new\s+member|member\s+since|joined:?|moderator|posts:\s*\d+)\b", re.I),
    "reply counts": re.compile(r"\b\d[\d,.]*\s+(?:replies|answers|comments)\b", re.I),
    "@mentions": re.compile(r"(?:^|\s)@[A-Za-z_][\w]{2,}"),
    "reddit-style user names": re.compile(r"\bu/[A-Za-z0-9_-]{3,}"),
    "log in to post": re.compile(r"\blog\s*in\s+or\s+register\b|\bregister\s+to\s+(?:post|reply)\b", re.I),
    "accepted answer": re.compile(r"\bmarked\s+helpful\b|\baccepted\s+answer\b|\bbest\s+answer\b", re.I),
    "OP": re.compile(r"\bOP\b"),
    "user-content disclaimer": re.compile(
        r"\bposts\s+are\s+the\s+opinions?\s+of\s+their\s+authors\b|\buser[- ](?:submitted|generated|contributed)\b"
        r"|\bnot\s+(?:checked|verified|reviewed)\s+by\s+(?:the\s+)?moderators\b",
        re.I,
    ),
    "forum software": re.compile(
        r"\bpowered\s+by\s+(?:phpbb|vbulletin|xenforo|discourse|mybb|smf|invision|\w*forum\w*)\b", re.I
    ),
}
# What each forum signal means, in words a reader knows (the reasons are shown on the page).
FORUM_WORDS = {
    "posted by": "posts signed by their authors",
    "reply/quote controls": "reply buttons",
    "vote counts": "vote counts",
    "member ranks": "member ranks",
    "reply counts": "reply counts",
    "@mentions": "replies addressed to other users",
    "reddit-style user names": "user names",
    "log in to post": "a sign-in to post",
    "accepted answer": "an accepted answer",
    "OP": "replies to the person who asked",
    "user-content disclaimer": "a note that posts are the users' own",
    "forum software": "forum software",
    "thread-style URL": "a thread's web address",
    "forum host name": "a forum's web address",
    "forum title": "a forum's title",
}
_FORUM_PATH = re.compile(
    r"/(?:threads?|forums?|topics?|t|questions|comments|discussions?|boards?)/|viewtopic|showthread", re.I
)
_FORUM_HOST = re.compile(r"^(?:forums?|community|discuss|discussions|answers|boards?|bbs)\.", re.I)
_FORUM_TITLE = re.compile(r"\b(?:forums?|community|message\s+board|q\s*&\s*a|threads?)\b", re.I)
FORUM_MIN_SIGNALS = 3


@lru_cache(maxsize=1)
def load_domains(path: Path = DOMAINS_FILE) -> dict[str, tuple[str, str]]:
    """The shipped domain list: host or registrable domain → (label, list it came from)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {d: (v[0], v[1]) for d, v in data["domains"].items()}


def split_host(url: str) -> tuple[str, str]:
    """The lower-cased host (without ``www.``) and its registrable domain (eTLD+1, offline)."""
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower().removeprefix("www.")
    ext = _extract(host)
    # not a public suffix (e.g. ``.example``, ``.internal``): the last two labels are the site
    domain = f"{ext.domain}.{ext.suffix}" if ext.domain and ext.suffix else ".".join(host.split(".")[-2:])
    return host, domain


def domain_of(url: str) -> str:
    """Registrable domain of a URL (the key reviewers' source decisions use)."""
    return split_host(url)[1]


def _lookup(table: Mapping[str, str | tuple[str, str]], host: str, domain: str) -> tuple[str, str] | None:
    parts = host.split(".")
    for i in range(len(parts) - 1):  # the host, then each parent down to the registrable domain
        key = ".".join(parts[i:])
        if key in table:
            value = table[key]
            return (value, key) if isinstance(value, str) else (value[0], key)
        if key == domain:
            break
    if domain in table:
        value = table[domain]
        return (value, domain) if isinstance(value, str) else (value[0], domain)
    return None


def _norm_name(name: str) -> str:
    name = re.sub(r"[^a-z0-9]", "", name.lower())
    return name.removeprefix("the") or name


def _unquoted(text: str) -> str:
    return _QUOTED.sub(" ", text)


def visible_text(html: str | bytes) -> str:
    """All visible text of an HTML page (footers and forum chrome included), one block per line."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    lines = [" ".join(t.split()) for t in tree.itertext()]
    return "\n".join(t for t in lines if t)


def html_title(html: str | bytes) -> str:
    """The text of the page's ``<title>`` ('' when there is none)."""
    import lxml.html

    try:
        found = lxml.html.fromstring(html).findtext(".//title")
    except (ValueError, lxml.etree.ParserError):
        return ""
    return " ".join((found or "").split())


_ATTRIBUTION_LEAD = re.compile(
    r"^(?:(?:this|the)\s+(?:article|post|story|piece|column|report|item|text)\s+(?:was|is|has\s+been)?\s*)?$", re.I
)


def _attribution_line(text: str, start: int) -> bool:
    """Whether the "originally published by" at ``start`` opens its own sentence or line, as a page's credit does."""
    lead = re.split(r"[.!?\n]", text[:start])[-1]
    return bool(_ATTRIBUTION_LEAD.match(lead.strip()))


def _site_names(title: str, host: str) -> set[str]:
    names = {_norm_name(part) for part in re.split(r"\s[|–—-]\s", title)[1:] if part.strip()}
    names |= {_norm_name(label) for label in re.split(r"[.-]", host) if len(label) > 3}
    return {n for n in names if n}


def satire_signals(title: str, text: str, host: str = "", known_satire: Collection[str] = ()) -> list[str]:
    """Reasons this page presents itself as satire or republishes a satire outlet (empty if none)."""
    reasons: list[str] = []
    plain = _unquoted(text)
    for rx in _SATIRE_STRONG:
        m = rx.search(plain)
        if m:
            reasons.append(f'the page describes itself as satire: "{m.group(0).strip()}"')
            break
    site = _site_names(title, host)
    for m in _NAMED_SATIRE.finditer(plain):
        name = m.group("name").split()
        # "Photo: Staff. The Gravy Boat is ...": the name may be any tail of the capitalised words before "is"
        if any(_norm_name(" ".join(name[k:])) in site for k in range(len(name))):
            reasons.append(f'the site describes itself as satire: "{m.group(0).strip()}"')
            break
    satire_names = {_norm_name(n) for n in (*SATIRE_NAMES, *known_satire)}
    satire_domains = {d for d, (lab, _) in load_domains().items() if lab == "satire"}
    satire_names |= {_norm_name(d.split(".")[0]) for d in satire_domains}
    for m in _REPUBLISHED.finditer(text):
        if not _attribution_line(text, m.start()):
            continue  # a report about a republication ("a line saying it was originally published by ...")
        raw = (m.group("name") or m.group("name2") or "").strip().rstrip(".")
        words = raw.split()
        for k in range(len(words), 0, -1):  # longest prefix of the captured words that names an outlet
            cand = " ".join(words[:k])
            key = cand.lower().removeprefix("www.")
            if _norm_name(cand) in satire_names or key in satire_domains:
                reasons.append(f'republished from a satirical source: "{m.group(0).strip()[:80]}"')
                break
    weak = [m.group(0) for rx in _SATIRE_WEAK if (m := rx.search(plain))]
    if len(weak) >= 2 and not reasons:
        reasons.append("satire disclaimers on the page: " + ", ".join(f'"{w}"' for w in weak[:3]))
    if not reasons and weak and re.search(r"[(\[|:]\s*(?:satire|parody)\b", title or "", re.I):
        reasons.append(f'the title marks the page as satire: "{title}"')
    if not reasons and any(_TITLE_GENRE.match(part) for part in re.split(r"\s[|–—-]\s", title or "")[1:]):
        reasons.append(f'the title files the page under satire: "{title}"')
    return reasons


def forum_signals(url: str, title: str, text: str) -> list[str]:
    """Signs of forum, Q&A or comment-thread structure on the page."""
    found = [name for name, rx in _FORUM_TEXT.items() if rx.search(text)]
    host, _ = split_host(url)
    if _FORUM_PATH.search(urlsplit(url).path or ""):
        found.append("thread-style URL")
    if _FORUM_HOST.search(host):
        found.append("forum host name")
    if _FORUM_TITLE.search(title or ""):
        found.append("forum title")
    return found


def forum_reason(signals: Collection[str]) -> str:
    """Why a page counts as user-generated, in plain words."""
    words = [FORUM_WORDS.get(s, s) for s in signals][:4]
    shown = ", ".join(words[:-1]) + f" and {words[-1]}" if len(words) > 1 else "".join(words)
    return f"the page is a forum or Q&A thread, where anyone can post (it has {shown})" if shown else (
        "the page is a forum or Q&A thread, where anyone can post")


def assess(
    url: str,
    title: str,
    text: str,
    *,
    overrides: Mapping[str, str] | None = None,
    duplicate_of_credibility: SourceCredibility | None = None,
    html: str | bytes | None = None,
    known_satire: Collection[str] = (),
) -> SourceCredibility:
    """How far the page at ``url`` can be trusted, with the reasons (see the module docstring)."""
    host, domain = split_host(url)
    if overrides:
        hit = _lookup({k.lower().removeprefix("www."): v for k, v in overrides.items()}, host, domain)
        if hit and hit[0] in CREDIBILITY_LABELS:
            return SourceCredibility(hit[0], (f"a reviewer marked {hit[1]} as {hit[0]}",))
    full = text
    if html:
        page = visible_text(html)
        full = f"{text}\n{page}" if page else text
        title = html_title(html) or title  # extraction keeps the headline; the <title> names the site and section
    listed = _lookup(load_domains(), host, domain)
    list_reason = (
        f"{listed[1]} is listed as {load_domains()[listed[1]][0]} ({load_domains()[listed[1]][1]})" if listed else ""
    )
    satire = satire_signals(title, full, host, known_satire)
    if duplicate_of_credibility is not None and duplicate_of_credibility.label == "satire":
        satire.append("a near-duplicate of a page from a satirical source")
    if listed and listed[0] == "satire":
        satire.insert(0, list_reason)
    if satire:
        return SourceCredibility("satire", tuple(satire))
    if listed and listed[0] == "unreliable":
        return SourceCredibility("unreliable", (list_reason,))
    forum = forum_signals(url, title, full)
    if listed and listed[0] == "user_generated":
        return SourceCredibility("user_generated", (list_reason, *([forum_reason(forum)] if forum else [])))
    if len(forum) >= FORUM_MIN_SIGNALS and not (listed and listed[0] == "reliable"):
        return SourceCredibility("user_generated", (forum_reason(forum),))
    if duplicate_of_credibility is not None and duplicate_of_credibility.label in ("unreliable", "user_generated"):
        return SourceCredibility(
            duplicate_of_credibility.label,
            (f"a near-duplicate of a page judged {duplicate_of_credibility.label}",),
        )
    if listed and listed[0] == "reliable":
        return SourceCredibility("reliable", (list_reason,))
    return SourceCredibility("unknown", (f"{domain or host or url} is not on any list and shows no warning signs",))
