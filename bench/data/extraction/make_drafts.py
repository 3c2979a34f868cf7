"""Write first-draft expected texts from each page's main-content element (drafts are then checked by hand).

Usage: ``python bench/data/extraction/make_drafts.py [NAME ...]`` writes ``expected/NAME.draft.txt``; the
hand-checked ``expected/NAME.txt`` files are what the evaluation reads, so running this never changes a figure.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import lxml.html

HERE = Path(__file__).resolve().parent

# (main-content XPath, XPaths of boilerplate inside it) per page-name prefix.
RULES: dict[str, tuple[str, list[str]]] = {
    "python_": (
        "//div[@role='main']",
        ["//a[@class='headerlink']", "//nav[@id='contents']"],
    ),
    "nodejs_": (
        "//div[@id='apicontent']",
        ["//a[@class='mark']", "//a[@class='legacy']", "//button", "//input"],
    ),
    "valgrind_": ("//div[@class='article']", []),
    "libffi_": ("//div[@class='section']", ["//div[@class='header']", "//a[@class='copiable-anchor']"]),
    "libxslt_": ("//table[@class='navigation']/..", ["//table[@class='navigation']", "/p[a[@href='../bugs.html']]"]),
    "zlib_": ("/html/body", ["/hr", "/i"]),
    "ninja_": ("//div[@class='book']", ["//div[@class='toc']", "//h3[@class='author']"]),
    "shared-mime-info_": ("//div[@class='sect1']", []),
    "time_": (
        "//div[@id='Top']",
        [
            "//div[@class='header']",
            "//div[@class='contents']",
            "//h2[@class='contents-heading']",
            "//ul[@class='section-toc']",
            "//a[@class='copiable-anchor']",
            "//div[@id='GNU-Free-Documentation-License']",
            "//div[@id='Concept-index']",
        ],
    ),
}

BLOCK = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "pre",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "table",
        "tr",
        "blockquote",
        "br",
        "hr",
        "figure",
        "figcaption",
        "details",
        "summary",
        "td",
        "th",
    }
)


def render(el: lxml.html.HtmlElement) -> str:
    """Plain text of an element with newlines around block elements."""
    parts: list[str] = []

    def walk(node: lxml.html.HtmlElement) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("script", "style"):
            if node.tail:
                parts.append(node.tail)
            return
        block = tag in BLOCK
        if block:
            parts.append("\n")
        if isinstance(node.tag, str) and node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if block:
            parts.append("\n")
        if node.tail:
            parts.append(node.tail)

    walk(el)
    text = "".join(parts)
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def draft(name: str) -> str:
    """The mechanical first draft of one page's expected main text."""
    html = (HERE / "pages" / f"{name}.html").read_bytes()
    tree = lxml.html.document_fromstring(html)
    rules = [rule for prefix, rule in RULES.items() if name.startswith(prefix)]
    if not rules:
        raise SystemExit(f"no rule for {name}")
    main, drops = rules[0]
    root = tree.xpath(main)[0]
    for xp in drops:
        for bad in root.xpath("." + xp):
            bad.drop_tree()
    return render(root)


def main(argv: list[str]) -> int:
    """Write drafts for the named pages (all pages when none are named)."""
    names = argv or sorted(p.stem for p in (HERE / "pages").glob("*.html"))
    for name in names:
        (HERE / "expected" / f"{name}.draft.txt").write_text(draft(name), encoding="utf-8")
        print(name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
