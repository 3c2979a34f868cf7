"""Source credibility: domain lists, page signals, and the negative cases that must not be flagged."""

from __future__ import annotations

from pathlib import Path

import pytest

from verifier.credibility import assess, domain_of, forum_signals, load_domains, satire_signals
from verifier.types import CREDIBILITY_LABELS, SourceCredibility

DEMO = Path(__file__).parents[2] / "verisight" / "demo" / "site"


@pytest.mark.parametrize(
    ("url", "label"),
    [
        ("https://www.theonion.com/some-story", "satire"),
        ("https://local.theonion.com/x", "satire"),
        ("https://babylonbee.com/news/a", "satire"),
        ("https://old.reddit.com/r/Pizza/comments/abc/cheese/", "user_generated"),
        ("https://cooking.stackexchange.com/questions/1", "user_generated"),
        ("https://www.reuters.com/world/", "reliable"),
        ("https://docs.python.org/3/library/", "reliable"),
        ("https://www.example-unlisted-bakery.com/about", "unknown"),
    ],
)
def test_domain_lists_by_registrable_domain(url: str, label: str) -> None:
    cred = assess(url, "A page", "An ordinary page about bread.")
    assert cred.label == label, cred.reasons
    assert cred.reasons and all(isinstance(r, str) for r in cred.reasons)


def test_domain_list_is_shipped_with_attribution() -> None:
    domains = load_domains()
    assert len(domains) > 1000
    assert {label for label, _ in domains.values()} <= set(CREDIBILITY_LABELS)
    # substring matches must not count: "notreddit.com" is not reddit
    assert assess("https://notreddit.com/a", "t", "plain text").label == "unknown"
    assert domain_of("https://news.bbc.co.uk/x") == "bbc.co.uk"


def test_reviewer_override_wins_over_everything() -> None:
    over = {"theonion.com": "reliable", "myblog.example": "unreliable"}
    assert assess("https://www.theonion.com/x", "t", "This site is satire.", overrides=over).label == "reliable"
    cred = assess("https://sub.myblog.example/p", "t", "text", overrides=over)
    assert cred.label == "unreliable" and "reviewer" in cred.reasons[0]


def test_satire_self_description_and_disclaimers() -> None:
    text = "Local Man Wins Argument.\nDisclaimer: this website is satire. Stories are not real news."
    assert assess("https://funny.example/a", "Local Man Wins Argument", text).label == "satire"
    named = "Story text.\nThe Daily Spoon is a satirical news publication based in Ohio."
    assert assess("https://dailyspoon.example/x", "Story | The Daily Spoon", named).label == "satire"
    weak = "Story text. At press time, nobody had noticed. For entertainment purposes only."
    assert assess("https://weird.example/x", "Story", weak).label == "satire"


def test_originally_published_by_a_satire_outlet() -> None:
    text = "Geologists Recommend Eating Rocks\nOriginally published by The Onion.\nBERKELEY, CA: ..."
    cred = assess("https://blog.paving.example/rocks", "Geologists Recommend Eating Rocks", text)
    assert cred.label == "satire"
    assert "republished" in cred.reasons[0]
    known = "Story\nOriginally published by The Union.\nText."
    assert assess("https://b.example/x", "Story", known).label == "unknown"
    assert assess("https://b.example/x", "Story", known, known_satire=["The Union"]).label == "satire"


def test_report_about_a_republished_satire_is_not_satire() -> None:
    """A news report saying another site's copy "was originally published by" a satire outlet is not itself one."""
    report = (
        "How a joke became advice\nThe piece was later republished on the blog of a paving company, with a short "
        "line at the top saying it was originally published by The Union. The company told us the post was meant "
        "as a light-hearted nod to its line of work."
    )
    assert assess("https://news.example/a", "How a joke became advice", report, known_satire=["The Union"]).label == (
        "unknown"
    )
    for credit in ("This article was originally published by The Union.", "First appeared in The Union."):
        text = f"Story\n{credit}\nText."
        assert assess("https://b.example/x", "Story", text, known_satire=["The Union"]).label == "satire", credit


def test_near_duplicate_of_satire_is_satire() -> None:
    original = SourceCredibility("satire", ("theonion.com is listed as satire",))
    cred = assess("https://copy.example/p", "Copy", "Some copied text.", duplicate_of_credibility=original)
    assert cred.label == "satire" and "near-duplicate" in cred.reasons[-1]


def test_negatives_reliable_article_about_satire() -> None:
    text = (
        "The Onion, a satirical website, published a story in 2021 claiming geologists recommend eating rocks. "
        "Satire is written to sound like real news; that is the joke. The AI summary treated the parody as fact. "
        "Experts say rocks are not food."
    )
    assert satire_signals("Fact check: no, do not eat rocks | The Ledger", text, "ledger.example") == []
    assert assess("https://www.reuters.com/fact-check/rocks", "Fact check", text).label == "reliable"
    assert assess("https://ledger.example/fact-check", "Fact check | The Ledger", text).label == "unknown"


def test_negatives_news_quoting_a_satirical_headline_or_disclaimer() -> None:
    text = (
        'A post shared the headline "Geologists Recommend Eating At Least One Small Rock Per Day", which first '
        'ran on a humour site whose footer says "All articles are works of fiction. This site is satire." '
        "The claim is false."
    )
    assert assess("https://news.example/quoted", "Where the rock advice came from", text).label == "unknown"


def test_forum_structure_is_user_generated_and_a_correct_answer_stays_so() -> None:
    text = (
        "Cheese slides off my pizza - help?\n12 replies · started May 8\n"
        "pizza_padawan New member · ▲ 57 points\nWhat am I doing wrong?\nReply · Quote · Report\n"
        "ovenmaster_joe Moderator · ▲ 612 points · Marked helpful by OP\n"
        "Use less sauce and low-moisture mozzarella, and let it rest five minutes.\nReply · Quote · Report"
    )
    cred = assess("https://talk.cooking.example/t/123", "Cheese slides off | Cooking Talk", text)
    assert cred.label == "user_generated"
    assert "forum" in cred.reasons[0]
    assert len(forum_signals("https://talk.cooking.example/t/123", "x", text)) >= 3


def test_news_report_about_a_forum_joke_is_not_a_forum() -> None:
    text = (
        "The Daily Ledger traced the wording to a 2013 thread on the KitchenTalk forums, where a user asked why "
        "the cheese kept sliding off. Among the replies, a user wrote that glue would help. Other forum members "
        "replied with laughing emoji. Glue is not food."
    )
    assert assess("https://news.example/2024/glue", "Where the glue advice came from", text).label == "unknown"


def _demo_pages(host: str) -> list[Path]:
    return sorted((DEMO / host).rglob("*.html"))


@pytest.mark.skipif(not DEMO.is_dir(), reason="demo corpus not present")
def test_demo_corpus_labels_from_page_signals() -> None:
    """Satire and forum pages of the bundled demo come out right from what the page says, not the host."""
    from crawler import extract

    seen: dict[str, set[str]] = {}
    for host_dir in sorted(p for p in DEMO.iterdir() if p.is_dir()):
        for page in _demo_pages(host_dir.name):
            raw = page.read_bytes()
            url = f"http://{host_dir.name}/{page.relative_to(host_dir).as_posix()}"
            doc = extract(raw, url)
            if doc is None:
                continue
            # renamed host: proves no hostname is hard-coded
            renamed = url.replace(host_dir.name, "site-under-test.example")
            cred = assess(renamed, doc.title, doc.text, html=raw)
            seen.setdefault(host_dir.name, set()).add(cred.label)
    satire_hosts = [h for h in seen if "satire" in h]
    forum_hosts = [h for h in seen if h.startswith("forum.")]
    for h in satire_hosts:
        assert seen[h] == {"satire"}, (h, seen[h])
    for h in forum_hosts:
        assert seen[h] == {"user_generated"}, (h, seen[h])
    for h, labels in seen.items():
        if h not in satire_hosts and h not in forum_hosts:
            assert "satire" not in labels and "user_generated" not in labels, (h, labels)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Story | The Soggy Wafer", "Story text.\nPhoto: staff. The Soggy Wafer is a satirical publication."),
        ("Story", "Story text.\nThis story is parody and is not medical advice."),
        ("Story", "Story text.\nPlease note: this article is a joke."),
        ("Story", "Story text.\nThis piece is humor, not real news."),
        ("Story", "By Gus Whimple, Staff Humorist\nStory text."),
        ("Story", "Story text.\n© 2026 Wafer Media. Everything on this site is made up."),
        ("Story", "Story text.\nNothing on this website is true."),
        ("Story", "Story text.\nAll of our stories are invented for laughs."),
        ("Story", "About us\nWe write fake news on purpose, so that you can laugh at it."),
        ("Story", "About us\nWe are not a real news organisation."),
        ("Story - Wafer Weekly", "Story text.\nWafer Weekly is a comedy website."),
        ("Story | Wafer Weekly", "Story text.\nWafer Weekly publishes comic fiction dressed up as news."),
        ("Story | Wafer Weekly | Satire", "Story text."),
        ("Story", "Story text.\nFiled under: Satire"),
        ("Story", "Story text.\nFake news for fun since 2018."),
    ],
)
def test_self_descriptions_in_many_phrasings(title: str, text: str) -> None:
    """Credit lines, notices, bylines, footers and about-page lines that call the page or site satire or a joke."""
    cred = assess("https://waferweekly.example/story", title, text)
    assert cred.label == "satire", (text, cred.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "The Soggy Wafer, a satirical website, told readers to put forks in microwaves. Experts say this is unsafe.",
        'Muddle Post, whose footer reads "fake news for fun", published the tip. Fire officers say it is wrong.',
        "Wafer Weekly is a comedy website, the fact checkers found; the advice it gave is dangerous.",
        "The comedian said the joke landed. Satire has a long history in British newspapers.",
        "We are big believers in testing smoke alarms monthly. This article is reviewed by fire officers.",
        "By Dana Ortiz, Health Reporter\nDoctors say honey is unsafe for babies under one year old.",
    ],
)
def test_reports_about_satire_are_not_satire(text: str) -> None:
    """A reliable page that reports on satire, quotes a disclaimer or names another outlet as satire stays credible."""
    cred = assess("https://www.cityledger.example/news/x", "Satire shared as advice | The City Ledger", text)
    assert cred.label == "unknown", cred.reasons
