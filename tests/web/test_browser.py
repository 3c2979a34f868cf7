"""The search page and the audit view in headless Chromium against a real server on 127.0.0.1.

Needs Playwright (Python) and a Chromium binary (Debian's ``chromium``, or ``VERISIGHT_CHROMIUM``); axe-core is
read from ``node_modules/axe-core/axe.min.js`` (``npm install --no-save axe-core``) or ``VERISIGHT_AXE_JS``.
Skips when they are missing. Screenshots go to ``artifacts/screenshots/`` (or ``VERISIGHT_ARTIFACTS``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import make_settings
from tests.web.helpers import TEST_CONFIG, running_server
from verifier.verify import normalise_claim
from verisight.answers import group_id as answers_group_id
from verisight.demo.server import load_manifest
from verisight.engine import Engine
from verisight.reviewers import ReviewerStore
from web.app import create_app

playwright_api = pytest.importorskip("playwright.sync_api")

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("VERISIGHT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
AXE_JS = Path(os.environ.get("VERISIGHT_AXE_JS") or ROOT / "node_modules" / "axe-core" / "axe.min.js")
ARTIFACTS = Path(os.environ.get("VERISIGHT_ARTIFACTS") or ROOT / "artifacts") / "screenshots"
# Background networking off: this machine's network is closed, and a browser test should not phone home anyway.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
MANIFEST = load_manifest()
PIZZA = "How do I keep cheese from sliding off my pizza?"
# A question where a forum post says something no credible page says (the pizza question's forum advice is now
# shown as supported by the cooking site that says the same, so it no longer has a forum-only claim to review).
FORUM_ONLY = "My sourdough starter is not bubbling"
# A question that brings back the forum's glue-on-pizza joke itself (the pizza question quotes only the cooking
# site now); the news report about the joke is a credible page and may be kept, the forum post itself never.
JOKE = "Should I mix glue into pizza sauce to make cheese stick?"
# What the manifest calls the dangerous glue advice (a claim that puts glue in food and does not negate it).
GLUE_ADVICE = [re.compile(p, re.IGNORECASE)
               for p in next(c for c in MANIFEST["satire_regression"] if c["query"] == PIZZA)["forbidden"]]
REVIEWER = ("rita", "a long test password")

# On a developer machine without Chromium these skip; in CI (CI=true) they must run, so a missing browser fails.
IN_CI = bool(os.environ.get("CI"))
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not IN_CI, reason="no Chromium binary (apt-get install chromium)"
)


@pytest.fixture(scope="module")
def site(demo_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Engine]]:
    """The web app over a copy of the demo corpus (extractive overviews), served by waitress on 127.0.0.1."""
    data = tmp_path_factory.mktemp("browser") / "data"
    shutil.copytree(demo_data, data)
    engine = Engine(make_settings(data, synth_mode="extractive"))
    ReviewerStore(engine.settings.answers_db).add(REVIEWER[0], password=REVIEWER[1])
    try:
        with running_server(create_app(engine, TEST_CONFIG)) as url:
            yield url, engine
    finally:
        engine.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium."""
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


def ask(page: Any, query: str) -> dict[str, Any]:
    """Type a query, wait until the streamed answer is done; return the answer JSON the page was built from."""
    page.fill("#q", query)
    page.press("#q", "Enter")
    playwright_api.expect(page.locator("#status")).to_have_text(re.compile(r"^Done"), timeout=60_000)
    answer_id = page.locator("#answer").get_attribute("data-answer-id")
    assert answer_id
    response = page.request.get(f"/api/answers/{answer_id}")
    assert response.ok
    return dict(response.json())


def shown_claims(page: Any, action: str) -> list[str]:
    """The text of the overview's claims with ``action`` as the reader sees them."""
    return [t.strip() for t in page.locator(f"#overview .claim-{action}").all_inner_texts()]


def run_axe(page: Any) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the current page."""
    page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v.get("impact") in ("serious", "critical")]


def test_search_page_builds_verified_overview(site: tuple[str, Engine], browser: Any) -> None:
    base, _ = site
    context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto("/")
    answer = ask(page, PIZZA)

    drafting = page.locator("details#drafting")
    assert drafting.get_attribute("open") is None  # the draft is there, collapsed, never the answer
    assert page.locator("#draft").text_content()
    assert page.locator("#ai-label").inner_text() == "Quoted from the sources"  # an honest label
    shown = len([c for c in answer["overview"]["claims"] if c["action"] != "drop"])
    assert page.locator("#status").inner_text().startswith(f"Done: {shown} sentence")  # counts what is shown
    kept = [c for c in answer["overview"]["claims"] if c["action"] == "keep"]
    assert len(shown_claims(page, "keep")) == len(kept)
    assert page.locator("#sources .source").count() == len(answer["sources"])
    for c in answer["overview"]["claims"]:
        if c["action"] == "drop":
            assert c["text"] in page.locator("#dropped").inner_text()

    # A citation jumps to its source card, shows its quote, and carries the claim into the card's link.
    cite = page.locator("#overview a.cite").first
    cite.focus()
    tip = page.locator("#" + str(cite.get_attribute("aria-describedby")))
    assert tip.is_visible()
    cite.click()
    n = cite.get_attribute("data-source")
    card = page.locator(f"#source-{n}")
    playwright_api.expect(card).to_be_focused()
    href = str(card.locator(".source-link").get_attribute("href"))
    assert href.startswith("/go?") and "claim=" in href
    go = page.request.get(href, max_redirects=0)
    source = next(s for s in answer["sources"] if str(s["id"]) == n)
    assert go.status == 302 and go.headers["location"] == source["url"]
    assert "verisight_citation_clicks_total{" in page.request.get("/metrics").text()

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "search-desktop.png"), full_page=True)
    page.set_viewport_size({"width": 375, "height": 800})
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 375, f"the page scrolls sideways at 375 px ({width} px wide)"
    page.screenshot(path=str(ARTIFACTS / "search-375.png"), full_page=True)
    assert not errors, errors
    context.close()


def test_a_question_the_sources_answer_leads_with_the_answer(site: tuple[str, Engine], browser: Any) -> None:
    """The first sentence shown answers the question, quoted and cited (the README's screenshot is this page)."""
    base, _ = site
    context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto("/")
    answer = ask(page, "How long should I run cool water over a burn?")
    assert answer["overview"]["mode"] == "extractive"
    lead = shown_claims(page, "keep")[0]
    assert re.search(r"20 minutes", lead), lead
    assert page.locator("#ai-label").inner_text() == "Quoted from the sources"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "search-answer.png"), full_page=True)
    assert not errors, errors
    context.close()


def test_a_question_the_sources_cannot_answer_gets_a_not_in_the_sources_page(
    site: tuple[str, Engine], browser: Any
) -> None:
    """No overview at all: a plain "not in the sources" message, the label saying so, and the nearest passages."""
    base, _ = site
    context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto("/")
    answer = ask(page, "What is the capital of France?")
    assert answer["overview"]["mode"] == "declined" and not answer["overview"]["claims"]
    playwright_api.expect(page.locator("#declined")).to_be_visible()
    assert "The indexed sources do not answer this." in page.locator("#declined").inner_text()
    assert page.locator("#overview").is_hidden() and page.locator("#drafting").is_hidden()
    assert page.locator("#ai-label").inner_text() == "Not in the sources"
    assert "do not answer this" in page.locator("#status").inner_text()
    assert answer["passages"] and page.locator("#passages li").count() == len(answer["passages"])
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "search-declined.png"), full_page=True)
    assert not errors, errors
    context.close()


@pytest.mark.parametrize("case", MANIFEST["satire_regression"], ids=lambda c: c["query"][:40])
def test_satire_and_joke_claims_never_appear_as_plain_statements(
    site: tuple[str, Engine], browser: Any, case: dict[str, Any]
) -> None:
    base, _ = site
    context = browser.new_context(base_url=base)
    page = context.new_page()
    page.goto("/")
    ask(page, case["query"])
    patterns = [re.compile(p, re.IGNORECASE) for p in case["forbidden"]]
    for text in shown_claims(page, "keep"):
        assert not any(p.search(text) for p in patterns), f"stated as fact: {text!r}"
    context.close()


def test_reviewer_changes_the_next_answer(site: tuple[str, Engine], browser: Any) -> None:
    base, _ = site
    context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto("/")
    before = ask(page, FORUM_ONLY)
    sources = {s["id"]: s for s in before["sources"]}
    flagged = [c for c in before["overview"]["claims"] if c["action"] == "hedge" and c["citations"]]
    assert flagged, "this question over the demo corpus must give a hedged (forum-only) claim to review"
    claim = flagged[0]
    domain = sources[claim["citations"][0]]["site"]

    page.goto("/audit")
    assert "/audit/signin" in page.url
    page.fill("#name", REVIEWER[0])
    page.fill("#password", REVIEWER[1])
    page.click("form.signin button[type=submit]")
    page.wait_for_url(re.compile(r"/audit$"))
    # The claim's own group, by its id: (normalised text, first cited source's site). Matching on text is not
    # enough: a longer claim starting with the same words, or another group's evidence quote, can match too.
    group_id = "group-" + answers_group_id(normalise_claim(claim["text"]), domain)
    group = page.locator(f"li#{group_id}")
    assert group.count() == 1
    group.locator("select[name=label]").select_option("satire")
    group.locator("form.label-source button[type=submit]").click()
    playwright_api.expect(page.locator(".flash")).to_contain_text(domain)
    page.locator(f"li#{group_id}").locator("button[value=dismiss]").click()
    playwright_api.expect(page.locator(".flash")).to_contain_text("Dismissed")
    assert page.locator(f"li#{group_id}").count() == 0

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.goto("/audit?status=dismissed")
    page.screenshot(path=str(ARTIFACTS / "audit-desktop.png"), full_page=True)

    page.goto("/")
    after = ask(page, FORUM_ONLY)
    changed = [c for c in after["overview"]["claims"] if c["text"] == claim["text"]]
    assert changed and changed[0]["action"] == "drop" and changed[0]["verdict"]["label"] == "satire"
    assert claim["text"] in page.locator("#dropped").inner_text()
    assert json.dumps(after) != json.dumps(before)
    context.close()


@pytest.mark.skipif(
    not AXE_JS.exists() and not IN_CI, reason="axe-core is not installed (npm install --no-save axe-core)"
)
def test_accessibility_has_no_serious_violations(site: tuple[str, Engine], browser: Any) -> None:
    base, _ = site
    # axe is injected as an inline script, which our Content-Security-Policy rightly forbids: bypass it here only.
    context = browser.new_context(base_url=base, bypass_csp=True)
    page = context.new_page()
    page.goto("/")
    assert run_axe(page) == []
    ask(page, PIZZA)
    page.locator("#overview a.cite").first.focus()
    assert run_axe(page) == []
    cached = page.locator("a.cached-link").first.get_attribute("href")
    assert cached
    page.goto(cached)
    assert run_axe(page) == []
    page.go_back()
    page.set_viewport_size({"width": 375, "height": 800})
    assert run_axe(page) == []
    page.goto("/audit/signin")
    assert run_axe(page) == []
    page.fill("#name", REVIEWER[0])
    page.fill("#password", REVIEWER[1])
    page.click("form.signin button[type=submit]")
    page.wait_for_url(re.compile(r"/audit$"))
    assert run_axe(page) == []
    context.close()


# -- issue 16: reviewers who cannot make things worse, and the cached copy ------------------------------------------
@pytest.fixture
def fresh_site(demo_data: Path, tmp_path: Path) -> Iterator[tuple[str, Engine, str]]:
    """A site of its own over a copy of the demo corpus, and the token `verisight reviewer add tom` printed."""
    data = tmp_path / "data"
    shutil.copytree(demo_data, data)
    printed = subprocess.run(
        [sys.executable, "-c", "import sys; from verisight.cli import main; sys.exit(main())",
         "reviewer", "add", "tom", "--data", str(data)],
        capture_output=True, text=True, timeout=120, env={**os.environ, "VERISIGHT_HOME": str(tmp_path / "unused")},
    )
    assert printed.returncode == 0, printed.stderr
    token = printed.stdout.strip()
    engine = Engine(make_settings(data, synth_mode="extractive"))
    try:
        with running_server(create_app(engine, TEST_CONFIG)) as url:
            yield url, engine, token
    finally:
        engine.close()


def sign_in_with(page: Any, name: str, secret: str) -> None:
    """Sign in on the audit page's form."""
    page.goto("/audit")
    assert "/audit/signin" in page.url
    page.fill("#name", name)
    page.fill("#password", secret)
    page.click("form.signin button[type=submit]")
    page.wait_for_url(re.compile(r"/audit$"))


def source_at(answer: dict[str, Any], url: str) -> dict[str, Any]:
    """The answer's source for ``url``."""
    return next(s for s in answer["sources"] if s["url"] == url)


def cited_source(answer: dict[str, Any], claim: dict[str, Any]) -> dict[str, Any]:
    """The first source ``claim`` cites."""
    return next(s for s in answer["sources"] if s["id"] == claim["citations"][0])


def forum_ids(answer: dict[str, Any]) -> set[int]:
    """The ids of the answer's sources on the demo forum (a thread and the forum's index page can both be cited)."""
    return {s["id"] for s in answer["sources"] if "kitchentalk" in s["site"]}


def glue_claims(answer: dict[str, Any]) -> list[dict[str, Any]]:
    """The glue-on-pizza joke's claims in an answer: the glue advice itself, cited to the demo forum."""
    forum = forum_ids(answer)
    return [c for c in answer["overview"]["claims"]
            if any(p.search(c["text"]) for p in GLUE_ADVICE) and forum & set(c["citations"])]


def test_a_reviewer_signs_in_with_the_printed_token(fresh_site: tuple[str, Engine, str], browser: Any) -> None:
    base, _, token = fresh_site
    context = browser.new_context(base_url=base)
    page = context.new_page()
    page.goto("/audit/signin")
    page.fill("#name", "tom")
    page.fill("#password", token + "x")
    page.click("form.signin button[type=submit]")
    playwright_api.expect(page.locator("#signin-error")).to_contain_text("Wrong name, password or token")
    sign_in_with(page, "tom", token)
    playwright_api.expect(page.locator(".audit-head")).to_contain_text("Signed in as tom")
    context.close()


def test_a_domain_relabel_leaves_the_joke_post_hedged(fresh_site: tuple[str, Engine, str], browser: Any) -> None:
    base, _, token = fresh_site
    context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto("/")
    before = ask(page, JOKE)
    jokes = glue_claims(before)
    assert jokes, "the glue question over the demo corpus must quote the forum's glue joke"
    assert all(c["action"] != "keep" and c["verdict"]["label"] != "supported" for c in jokes), \
        "the glue joke must be flagged to begin with"
    joke = jokes[0]
    thread = cited_source(before, joke)
    assert thread["credibility"]["label"] == "user_generated"

    sign_in_with(page, "tom", token)
    group = page.locator("li#group-" + answers_group_id(normalise_claim(joke["text"]), thread["site"]))
    assert group.count() == 1
    domain_choice = group.locator("input[name=scope][value=domain]")
    domain_choice.check()
    playwright_api.expect(group.locator(".domain-warning")).to_contain_text("own signals still count")
    group.locator("select[name=label]").select_option("reliable")
    group.locator("form.label-source input[name=note]").fill("moderated forum")
    group.locator("form.label-source button[type=submit]").click()
    playwright_api.expect(page.locator(".flash")).to_contain_text("every page of kitchentalk.example")

    page.goto("/")
    after = ask(page, JOKE)
    assert source_at(after, thread["url"])["credibility"]["label"] == "user_generated"
    assert any("tom" in r for r in source_at(after, thread["url"])["credibility"]["reasons"])
    assert glue_claims(after), "the glue joke left the answer instead of staying hedged"
    for claim in glue_claims(after):
        assert claim["action"] != "keep" and claim["verdict"]["label"] != "supported", \
            f"the joke came back as a verified fact: {claim['text']!r}"
    kept = shown_claims(page, "keep")
    assert kept, "the answer should still show the credible pages' claims"
    for text in kept:
        assert joke["text"] not in text, f"the joke came back as a verified fact: {text!r}"
    assert not page.locator("#status").inner_text().startswith("Done: 3 claim(s) verified, 0 hedged")
    context.close()


def test_undo_restores_the_automatic_label(fresh_site: tuple[str, Engine, str], browser: Any) -> None:
    base, _, token = fresh_site
    context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto("/")
    before = ask(page, JOKE)
    jokes = glue_claims(before)
    assert jokes, "the glue question over the demo corpus must quote the forum's glue joke"
    joke = jokes[0]
    thread = cited_source(before, joke)
    automatic = thread["credibility"]
    assert automatic["label"] == "user_generated"

    sign_in_with(page, "tom", token)
    gid = "li#group-" + answers_group_id(normalise_claim(joke["text"]), thread["site"])
    page.locator(gid).locator("input[name=scope][value=page]").check()
    page.locator(gid).locator("select[name=label]").select_option("satire")
    page.locator(gid).locator("form.label-source button[type=submit]").click()
    playwright_api.expect(page.locator(".flash")).to_contain_text("is now labelled satire")
    playwright_api.expect(page.locator(gid).locator(".reviewer-label")).to_contain_text("This page labelled")

    page.goto("/")
    labelled = ask(page, JOKE)
    assert source_at(labelled, thread["url"])["credibility"]["label"] == "satire"

    page.goto("/audit")
    page.locator(gid).locator("input[name=scope][value=page]").check()
    page.locator(gid).locator("select[name=label]").select_option("automatic")
    page.locator(gid).locator("form.label-source button[type=submit]").click()
    playwright_api.expect(page.locator(".flash")).to_contain_text("back to automatic")

    page.goto("/")
    after = ask(page, JOKE)
    restored = source_at(after, thread["url"])
    assert restored["credibility"] == automatic
    badge = page.locator(f"#source-{restored['id']} .badge")
    playwright_api.expect(badge).to_have_text("User-generated")
    assert "a reviewer" not in page.locator(f"#source-{restored['id']}").inner_text()
    context.close()


def test_a_dismiss_changes_the_next_answer(fresh_site: tuple[str, Engine, str], browser: Any) -> None:
    base, _, token = fresh_site
    context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto("/")
    query = FORUM_ONLY
    before = ask(page, query)
    forum = forum_ids(before)
    hedged = [c for c in before["overview"]["claims"]
              if c["action"] == "hedge" and c["citations"] and set(c["citations"]) <= forum]
    assert hedged, "the sourdough question over the demo corpus must give a hedged forum-only claim to review"
    claim = hedged[0]
    site = next(s["site"] for s in before["sources"] if s["id"] == claim["citations"][0])
    status_before = page.locator("#status").inner_text()

    sign_in_with(page, "tom", token)
    group = page.locator("li#group-" + answers_group_id(normalise_claim(claim["text"]), site))
    assert group.count() == 1, "the hedged forum claim must be flagged in the audit queue"
    group.locator("form.decide input[name=note]").fill("matches the cooking guide")
    group.locator("button[value=dismiss]").click()
    playwright_api.expect(page.locator(".flash")).to_contain_text("Dismissed")
    page.goto("/audit?status=dismissed")
    playwright_api.expect(page.locator(".history").first).to_contain_text("tom")
    playwright_api.expect(page.locator(".history").first).to_contain_text("matches the cooking guide")

    page.goto("/")
    after = ask(page, query)
    [again] = [c for c in after["overview"]["claims"] if c["text"] == claim["text"]]
    assert again["action"] == "keep" and "a reviewer confirmed" in again["verdict"]["reason"]
    playwright_api.expect(page.locator(f"#claim-{again['id']}")).to_have_class(re.compile(r"claim-keep"))
    assert page.locator("#status").inner_text() != status_before
    context.close()


def test_a_citation_opens_the_cached_copy_with_the_quote_highlighted(
    fresh_site: tuple[str, Engine, str], browser: Any
) -> None:
    base, _, _ = fresh_site
    context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto("/")
    answer = ask(page, MANIFEST["check_query"])
    cite = page.locator("#overview a.cite").first
    n, claim_id = cite.get_attribute("data-source"), cite.get_attribute("data-claim")
    claim = next(c for c in answer["overview"]["claims"] if c["id"] == claim_id)
    quote = next(e["quote"] for e in claim["verdict"]["evidence"] if str(e["source_id"]) == n)
    cite.click()
    card = page.locator(f"#source-{n}")
    playwright_api.expect(card).to_be_focused()
    card.locator("a.cached-link").click()
    page.wait_for_url(re.compile(r"/cached/"))
    mark = page.locator("mark#quote")
    playwright_api.expect(mark).to_be_visible()
    assert " ".join(mark.inner_text().split()) == " ".join(quote.split())
    source = next(s for s in answer["sources"] if str(s["id"]) == n)
    assert page.locator("a.live-link").get_attribute("href") == source["url"]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "cached-copy.png"), full_page=True)
    context.close()


def test_a_failed_connection_shows_no_empty_answer_skeleton(site: tuple[str, Engine], browser: Any) -> None:
    base, _ = site
    context = browser.new_context(base_url=base)
    page = context.new_page()
    page.goto("/")
    page.route("**/api/answer/stream*", lambda route: route.abort())
    page.fill("#q", PIZZA)
    page.press("#q", "Enter")
    playwright_api.expect(page.locator("#error")).to_have_text("The connection failed.")
    playwright_api.expect(page.locator("#answer")).to_be_hidden()
    page.unroute("**/api/answer/stream*")
    page.fill("#q", "   ")
    page.press("#q", "Enter")
    playwright_api.expect(page.locator("#error")).to_contain_text("Type a question first")
    context.close()
