"""Issue 16 in headless Chromium: reviewers who cannot make things worse, and the cached copy."""

from __future__ import annotations

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
from tests.web.browser import (  # noqa: F401  (pytestmark: this module's skip mark)
    ARTIFACTS,
    FORUM_ONLY,
    GLUE_ADVICE,
    JOKE,
    MANIFEST,
    PIZZA,
    ask,
    open_search_page,
    playwright_api,
    pytestmark,
    shown_claims,
)
from tests.web.helpers import TEST_CONFIG, running_server
from verifier.verify import normalise_claim
from verisight.answers import group_id as answers_group_id
from verisight.engine import Engine
from web.app import create_app


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


def ask_joke(page: Any) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """(answer, the first glue-joke claim, the source it cites) for the glue question."""
    before = ask(page, JOKE)
    jokes = glue_claims(before)
    assert jokes, "the glue question over the demo corpus must quote the forum's glue joke"
    return before, jokes[0], cited_source(before, jokes[0])


def test_a_domain_relabel_leaves_the_joke_post_hedged(fresh_site: tuple[str, Engine, str], browser: Any) -> None:
    base, _, token = fresh_site
    context, page, _ = open_search_page(browser, base)
    before, joke, thread = ask_joke(page)
    assert all(c["action"] != "keep" and c["verdict"]["label"] != "supported" for c in glue_claims(before)), \
        "the glue joke must be flagged to begin with"
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
    context, page, _ = open_search_page(browser, base)
    _, joke, thread = ask_joke(page)
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
    context, page, _ = open_search_page(browser, base)
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
    context, page, _ = open_search_page(browser, base)
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
