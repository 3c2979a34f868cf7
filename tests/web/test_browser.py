"""The search page and the audit view in headless Chromium against a real server on 127.0.0.1 (the reviewer flows
of issue 16 are in ``test_browser_reviewers.py``; the browser set-up in ``tests/web/browser.py``)."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import make_settings
from tests.web.browser import (  # noqa: F401  (pytestmark: this module's skip mark)
    ARTIFACTS,
    AXE_JS,
    FORUM_ONLY,
    GLUE_ADVICE,
    IN_CI,
    JOKE,
    MANIFEST,
    PIZZA,
    REVIEWER,
    ask,
    open_search_page,
    playwright_api,
    pytestmark,
    run_axe,
    shown_claims,
)
from tests.web.helpers import TEST_CONFIG, running_server
from verifier.verify import normalise_claim
from verisight.answers import group_id as answers_group_id
from verisight.engine import Engine
from verisight.reviewers import ReviewerStore
from web.app import create_app


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



def test_search_page_builds_verified_overview(site: tuple[str, Engine], browser: Any) -> None:
    base, _ = site
    context, page, errors = open_search_page(browser, base)
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
    context, page, errors = open_search_page(browser, base)
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
    context, page, errors = open_search_page(browser, base)
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
    context, page, _ = open_search_page(browser, base)
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
