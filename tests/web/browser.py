"""Headless Chromium for the browser tests: the binary, its flags, the shared questions, a browser fixture and
helpers to ask a question and read the page.

Needs Playwright (Python) and a Chromium binary (Debian's ``chromium``, or ``VERISIGHT_CHROMIUM``); axe-core is
read from ``node_modules/axe-core/axe.min.js`` (``npm install --no-save axe-core``) or ``VERISIGHT_AXE_JS``.
The tests skip when they are missing, except in CI. Screenshots go to ``artifacts/screenshots/`` (or
``VERISIGHT_ARTIFACTS``).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from verisight.demo.server import load_manifest

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


def open_search_page(browser: Any, base: str) -> tuple[Any, Any, list[str]]:
    """(context, page, script errors): a desktop-sized page on the search page of ``base``, its errors collected."""
    context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto("/")
    return context, page, errors


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
