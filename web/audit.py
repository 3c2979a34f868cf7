"""The reviewers' audit view: the claim-group queue (JSON and page), decisions, source labels, sign-in."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from flask import Blueprint, Flask, Response, flash, g, jsonify, redirect, render_template, request, session, url_for

from verifier.types import CREDIBILITY_LABELS, VERDICT_LABELS
from verisight.answers import normalise_claim
from verisight.limits import MAX_NOTE_CHARS
from web.auth import check_csrf, csrf_token, reviewer_api, reviewer_page, sign_in
from web.context import engine_of, reviewers_of
from web.errors import ApiError
from web.openapi import DOMAIN_PATTERN
from web.present import badge, claim_reason, source_by_id

bp = Blueprint("audit", __name__)

STATUSES = ("flagged", "confirmed", "dismissed")
DECISIONS = {"confirm": "confirmed", "dismiss": "dismissed"}
MAX_NOTE = MAX_NOTE_CHARS
DEFAULT_LIMIT = 100
MAX_DOMAIN = 253
_DOMAIN = re.compile(DOMAIN_PATTERN)
_GROUP_ID = re.compile(r"^[0-9a-f]{1,64}$")


# -- the queue -------------------------------------------------------------------------------------------------
def _enrich(group: dict[str, Any], overrides: dict[str, str]) -> dict[str, Any]:
    """Add the evidence, reason, query and source credibility from the answer the group was first seen in."""
    answer = engine_of().answers.get(str(group.get("answer_id", ""))) or {}
    claim = next(
        (
            c
            for c in (answer.get("overview") or {}).get("claims") or ()
            if normalise_claim(str(c.get("text", ""))) == group.get("norm")
        ),
        None,
    )
    credibility = None
    if claim and claim.get("citations"):
        source = source_by_id(answer, int(claim["citations"][0]))
        credibility = source.get("credibility") if source else None
    verdict = (claim or {}).get("verdict") or {}
    out = {
        key: group.get(key)
        for key in ("id", "text", "norm", "domain", "url", "label", "seen", "last_seen", "answer_id", "status")
    }
    out["norm"] = str(out["norm"] or "")
    out["url"] = str(out["url"] or "")
    out["last_seen"] = str(out["last_seen"] or "")
    out.update(
        reason=str(verdict.get("reason") or claim_reason(claim or {"verdict": {"label": group.get("label")}})),
        action=str((claim or {}).get("action", "")),
        query=str(answer.get("query", "")),
        evidence=list(verdict.get("evidence") or ()),
        credibility=credibility,
        reviewer_label=overrides.get(str(group.get("domain", ""))),
    )
    return out


def _parse_since(value: str) -> str:
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            raise ValueError(value)
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ApiError(400, "bad_request", "since must be a date, YYYY-MM-DD") from None


def queue(
    status: str, label: str = "", domain: str = "", since: str = "", limit: int = DEFAULT_LIMIT
) -> Iterator[dict[str, Any]]:
    """Claim groups with ``status``, most seen first, filtered by verdict label, domain and last-seen date."""
    if status not in STATUSES:
        raise ApiError(400, "bad_request", "status must be flagged, confirmed or dismissed")
    if label and label not in VERDICT_LABELS:
        raise ApiError(400, "bad_request", f"label must be one of {', '.join(VERDICT_LABELS)}")
    if len(domain) > MAX_DOMAIN:
        raise ApiError(400, "bad_request", f"domain must be at most {MAX_DOMAIN} characters")
    day = _parse_since(since) if since else ""
    shown = 0
    overrides = engine_of().answers.source_overrides()
    for group in engine_of().answers.claim_groups(status):
        if label and group.get("label") != label:
            continue
        if domain and str(group.get("domain", "")) != domain:
            continue
        if day and str(group.get("last_seen", ""))[:10] < day:
            continue
        yield _enrich(group, overrides)
        shown += 1
        if shown >= limit:
            return


def _limit(raw: str | None) -> int:
    if raw is None:
        return DEFAULT_LIMIT
    value = int(raw) if raw.isascii() and raw.isdigit() else 0
    if not 1 <= value <= 500:
        raise ApiError(400, "bad_request", "limit must be an integer between 1 and 500")
    return value


# -- actions shared by the API and the forms -------------------------------------------------------------------
def decide(group_id: str, decision: object, note: object, reviewer: str) -> dict[str, Any]:
    """Store a reviewer's decision on a claim group."""
    if not isinstance(decision, str) or decision not in DECISIONS:
        raise ApiError(400, "bad_request", "decision must be confirm or dismiss")
    if not isinstance(note, str) or len(note) > MAX_NOTE:
        raise ApiError(400, "bad_request", f"note must be a string of at most {MAX_NOTE} characters")
    group = engine_of().answers.find_group(group_id) if _GROUP_ID.match(group_id) else None
    if group is None:
        raise ApiError(404, "not_found", "no claim group has that id")
    engine_of().answers.decide(group["norm"], group["domain"], group["text"], str(decision), reviewer, note)
    return {
        "id": group_id,
        "decision": decision,
        "status": DECISIONS[str(decision)],
        "reviewer": reviewer,
        "note": note,
    }


def label_source(domain: object, label: object, reviewer: str) -> dict[str, Any]:
    """Store a reviewer's credibility label for a domain."""
    if not isinstance(domain, str) or len(domain) > MAX_DOMAIN or not _DOMAIN.fullmatch(domain):
        raise ApiError(400, "bad_request", "domain must be a lower-case host name such as news.example.org")
    if label not in CREDIBILITY_LABELS:
        raise ApiError(400, "bad_request", f"label must be one of {', '.join(CREDIBILITY_LABELS)}")
    engine_of().answers.label_source(domain, str(label), reviewer)
    return {"domain": domain, "label": label, "reviewer": reviewer}


def _json_body(allowed: set[str]) -> dict[str, Any]:
    if not request.is_json:
        raise ApiError(400, "bad_request", "send a JSON object with Content-Type: application/json")
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise ApiError(400, "bad_request", "the body must be a JSON object")
    unknown = sorted(set(body) - allowed)
    if unknown:
        raise ApiError(400, "bad_request", f"unknown field(s): {', '.join(unknown)}")
    return body


# -- JSON API --------------------------------------------------------------------------------------------------
@bp.get("/api/audit/claims")
@reviewer_api
def api_claims() -> Response:
    """GET /api/audit/claims?status=flagged|confirmed|dismissed&label=&domain=&since=&limit=."""
    status = request.args.get("status", "flagged")
    groups = list(
        queue(
            status,
            request.args.get("label", ""),
            request.args.get("domain", ""),
            request.args.get("since", ""),
            _limit(request.args.get("limit")),
        )
    )
    return jsonify({"status": status, "count": len(groups), "groups": groups})


@bp.post("/api/audit/claims/<group_id>")
@reviewer_api
def api_decide(group_id: str) -> Response:
    """POST /api/audit/claims/<id> {"decision": "confirm|dismiss", "note"}."""
    body = _json_body({"decision", "note"})
    return jsonify(decide(group_id, body.get("decision"), body.get("note", ""), g.reviewer))


@bp.post("/api/audit/sources")
@reviewer_api
def api_label_source() -> Response:
    """POST /api/audit/sources {"domain", "label"}."""
    body = _json_body({"domain", "label"})
    return jsonify(label_source(body.get("domain"), body.get("label"), g.reviewer))


# -- pages -----------------------------------------------------------------------------------------------------
@bp.get("/audit")
@reviewer_page
def page() -> Any:
    """The audit queue page."""
    status = request.args.get("status", "flagged")
    label = request.args.get("label", "")
    domain = request.args.get("domain", "")
    since = request.args.get("since", "")
    groups = list(queue(status, label, domain, since))
    html = render_template(
        "audit.html",
        groups=groups,
        status=status,
        label=label,
        domain=domain,
        since=since,
        statuses=STATUSES,
        labels=VERDICT_LABELS,
        credibility_labels=CREDIBILITY_LABELS,
        badge=badge,
        reviewer=g.reviewer,
        csrf=csrf_token(),
    )
    return Response(html, mimetype="text/html")


def _back() -> Any:
    target = request.form.get("back", "")
    if not _safe_next(target):
        target = url_for("audit.page")
    return redirect(target, code=303)


@bp.post("/audit/claims/<group_id>")
@reviewer_page
def form_decide(group_id: str) -> Any:
    """The confirm / dismiss form."""
    result = decide(group_id, request.form.get("decision"), request.form.get("note", ""), g.reviewer)
    flash(f"{result['status'].capitalize()}: the group is now {result['status']}.")
    return _back()


@bp.post("/audit/sources")
@reviewer_page
def form_label_source() -> Any:
    """The source-label form."""
    result = label_source(request.form.get("domain"), request.form.get("label"), g.reviewer)
    flash(f"{result['domain']} is now labelled {badge(result['label']).lower()}.")
    return _back()


def _safe_next(target: str) -> bool:
    return target.startswith("/") and not target.startswith("//") and "\\" not in target and "\n" not in target


@bp.route("/audit/signin", methods=["GET", "POST"])
def signin() -> Any:
    """Sign in with a reviewer name and password."""
    target = request.values.get("next", "")
    if not _safe_next(target):
        target = url_for("audit.page")
    error = ""
    status = 200
    if request.method == "POST":
        check_csrf()
        name = request.form.get("name", "")[:64]
        password = request.form.get("password", "")[:1024]
        reviewer = reviewers_of().by_password(name, password) if name and password else None
        if reviewer is not None:
            sign_in(reviewer)
            return redirect(target, code=303)
        error, status = "Wrong name or password.", 401
    html = render_template("signin.html", next=target, error=error, csrf=csrf_token())
    return Response(html, status=status, mimetype="text/html")


@bp.post("/audit/signout")
def signout() -> Any:
    """Sign out."""
    check_csrf()
    session.clear()
    return redirect(url_for("pages.index"), code=303)


def init_app(app: Flask) -> None:
    """Register the audit blueprint."""
    app.register_blueprint(bp)
