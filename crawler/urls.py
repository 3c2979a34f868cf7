"""URL normalisation, scoping by registrable domain, and the network-safety rules."""

from __future__ import annotations

import ipaddress
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

import tldextract

ALLOWED_SCHEMES = frozenset({"http", "https"})
MAX_URL_LENGTH = 2048
# Query parameters that only track the visitor and would otherwise make one page look like many.
_TRACKING = re.compile(r"^(utm_[a-z]+|gclid|fbclid|mc_cid|mc_eid|_ga|yclid|msclkid)$", re.IGNORECASE)
# Hosts of cloud metadata services, refused whatever they resolve to.
METADATA_HOSTS = frozenset({"metadata.google.internal", "metadata", "instance-data", "instance-data.ec2.internal"})
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254")
)
_SAFE_PATH = "/%:@!$&'()*+,;=-._~"
_SAFE_QUERY = "/?%:@!$&'()*+,;=-._~"


@lru_cache(maxsize=1)
def _extractor() -> tldextract.TLDExtract:
    """The offline public-suffix extractor (bundled snapshot, never fetched)."""
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def _is_ip(host: str) -> bool:
    """True when ``host`` is an IPv4 or IPv6 literal."""
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


@lru_cache(maxsize=65536)
def registrable_domain(host: str) -> str:
    """The eTLD+1 of ``host`` (``a.b.co.uk`` → ``b.co.uk``); IPs and single labels as they are."""
    host = host.lower().rstrip(".")
    if not host or _is_ip(host) or "." not in host:
        return host
    parts = _extractor()(host)
    if parts.suffix and parts.domain:
        return f"{parts.domain}.{parts.suffix}"
    if parts.suffix:  # the host is itself a public suffix
        return host
    # Unknown TLD (``news.example``): the public-suffix rule "*" makes the last label the suffix.
    labels = host.split(".")
    return ".".join(labels[-2:])


def hostname(url: str) -> str:
    """The lower-case hostname of ``url`` ('' when it has none)."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _idna(host: str) -> str:
    """Encode an internationalised hostname as ASCII (punycode); raise ValueError when impossible."""
    try:
        host.encode("ascii")
        return host
    except UnicodeEncodeError:
        return ".".join(
            label.encode("idna").decode("ascii") if not label.isascii() else label for label in host.split(".")
        )


def normalize(url: str, base: str | None = None) -> str | None:
    """Absolute, canonical form of ``url`` (resolved against ``base``), or None when it is not a usable URL.

    Lower-cases scheme and host, encodes IDN hosts, drops default ports, fragments, dot segments and
    tracking parameters, and percent-encodes what must be encoded; the scheme is not checked here.
    """
    url = url.strip()
    if not url or len(url) > MAX_URL_LENGTH * 2:
        return None
    try:
        if base:
            url = urljoin(base, url)
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ALLOWED_SCHEMES:
            return None
        host = (parts.hostname or "").rstrip(".")
        if not host:
            return None
        host = _idna(host).lower()
        port = parts.port
    except (ValueError, UnicodeError):
        return None
    if ":" in host:
        host = f"[{host}]"
    netloc = host
    if port is not None and not (scheme == "http" and port == 80) and not (scheme == "https" and port == 443):
        netloc = f"{host}:{port}"
    path = parts.path or "/"
    trailing = path.endswith("/")
    path = posixpath.normpath(path) if path != "/" else "/"
    if path.startswith("//"):
        path = "/" + path.lstrip("/")
    if trailing and not path.endswith("/"):
        path += "/"
    # Existing %-escapes are kept as they are (decoding %2F or %26 would change what the URL means).
    path = quote(path, safe=_SAFE_PATH)
    query = "&".join(
        quote(p, safe=_SAFE_QUERY) for p in parts.query.split("&") if p and not _TRACKING.match(p.split("=", 1)[0])
    )
    return urlunsplit((scheme, netloc, path, query, ""))


def address_reason(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, *, allow_private: bool) -> str | None:
    """Why connecting to ``ip`` is refused, or None when it is allowed (loopback always is)."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip in METADATA_ADDRESSES:
        return "metadata_address"
    if ip.is_loopback:
        return None
    if ip.is_link_local:
        return "link_local_address"
    if ip.is_multicast or ip.is_unspecified or ip.is_reserved:
        return "reserved_address"
    if (ip.is_private or ip in ipaddress.ip_network("100.64.0.0/10")) and not allow_private:
        return "private_address"
    return None


def url_reason(url: str, *, allow_private: bool = False) -> str | None:
    """Why ``url`` is refused before any connection (scheme, length, host), or None if allowed."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return "invalid_url"
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        return f"scheme_{parts.scheme.lower() or 'missing'}"
    if not host:
        return "invalid_url"
    if len(url) > MAX_URL_LENGTH:
        return "url_too_long"
    if host in METADATA_HOSTS:
        return "metadata_address"
    try:
        ip = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None
    return address_reason(ip, allow_private=allow_private)


def _matches(host: str, domains: Iterable[str]) -> bool:
    """True when ``host`` is one of ``domains`` or a subdomain of one."""
    return any(host == d or host.endswith("." + d) for d in domains)


@dataclass(frozen=True, slots=True)
class Scope:
    """Which URLs a crawl may visit: same registrable domain as the seeds, plus allow/deny lists."""

    seed_domains: frozenset[str]
    same_site: bool = True
    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    allow_private: bool = False
    extra_hosts: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def build(
        cls,
        seeds: Iterable[str],
        *,
        same_site: bool = True,
        allow: Iterable[str] = (),
        deny: Iterable[str] = (),
        allow_private: bool = False,
    ) -> Scope:
        """A scope for ``seeds`` (their registrable domains) and the given allow/deny domains."""
        domains = frozenset(registrable_domain(hostname(s)) for s in seeds if hostname(s))
        return cls(
            seed_domains=domains,
            same_site=same_site,
            allow=tuple(d.lower().strip(".") for d in allow),
            deny=tuple(d.lower().strip(".") for d in deny),
            allow_private=allow_private,
        )

    def reason(self, url: str) -> str | None:
        """Why ``url`` is out of scope or refused, or None when the crawl may visit it."""
        refused = url_reason(url, allow_private=self.allow_private)
        if refused:
            return refused
        host = hostname(url)
        if self.deny and _matches(host, self.deny):
            return "denied_domain"
        domain = registrable_domain(host)
        if self.allow and (_matches(host, self.allow) or domain in self.allow):
            return None
        if self.same_site and domain not in self.seed_domains:
            return "off_site"
        if self.allow and not self.same_site and not _matches(host, self.allow):
            return "not_allowed_domain"
        return None


def trap_reason(url: str) -> str | None:
    """Why ``url`` looks like a crawler trap (repeating path segments, very deep paths), or None."""
    path = urlsplit(url).path
    segments = [s for s in path.split("/") if s]
    if len(segments) > 30:
        return "path_too_deep"
    counts: dict[str, int] = {}
    for s in segments:
        counts[s] = counts.get(s, 0) + 1
        if counts[s] > 3:
            return "repeating_path"
    return None
