"""The reviewers' audit view: the claim-group queue (JSON and page), decisions, source labels, sign-in."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from flask import Blueprint, Flask, Response, flash, g, jsonify, redirect, render_template, request, session, url_for

from verifier.credibility import split_host
from verifier.types import CREDIBILITY_LABELS, VERDICT_LABELS
from verisight.answers import normalise_claim
from verisight.decisions import AUTOMATIC, CLAIM_DECISIONS, DOMAIN_WARNING, ReviewerLabels, Scope, SourceLabel
from verisight.limits import MAX_NOTE_CHARS
from web.auth import check_csrf, csrf_token, reviewer_api, reviewer_page, sign_in
from web.context import engine_of, reviewers_of
from web.errors import ApiError
from web.openapi_schemas import DOMAIN_PATTERN
from web.present import badge, claim_reason, source_by_id, web_url

bp = Blueprint("audit", __name__)

STATUSES = ("flagged", "confirmed", "dismissed")
DECISIONS = {"confirm": "confirmed", "dismiss": "dismissed", AUTOMATIC: "flagged"}
MAX_NOTE = MAX_NOTE_CHARS
MAX_URL = 2048
DEFAULT_LIMIT = 100
MAX_DOMAIN = 253
_DOMAIN = re.compile(DOMAIN_PATTERN)
_GROUP_ID = re.compile(r"^[0-9a-f]{1,64}$")


# -- the queue -------------------------------------------------------------------------------------------------
def label_json(item: SourceLabel | None) -> dict[str, Any] | None:
    """A source label as JSON: scope, url or domain, label (None: automatic), reviewer, at, note."""
    if item is None:
        return None
    return {
        "scope": item.scope,
        "url" if item.scope == "page" else "domain": item.target,
        "label": item.label,
        "automatic": item.label is None,
        "reviewer": item.reviewer,
        "at": item.at,
        "note": item.note,
    }


def _enrich(group: dict[str, Any], labels: ReviewerLabels) -> dict[str, Any]:
    """Add the evidence, reason, query, source credibility and reviewer decisions from the answer the group was
    first seen in."""
    answers = engine_of().answers
    answer = answers.get(str(group.get("answer_id", ""))) or {}
    claim = next(
        (
            c
            for c in (answer.get("overview") or {}).get("claims") or ()
            if normalise_claim(str(c.get("text", ""))) == group.get("norm")
        ),
        None,
    )
    credibility = None
    source_id = None
    if claim and claim.get("citations"):
        source_id = int(claim["citations"][0])
        source = source_by_id(answer, source_id)
        credibility = source.get("credibility") if source else None
    verdict = (claim or {}).get("verdict") or {}
    out = {
        key: group.get(key)
        for key in ("id", "text", "norm", "domain", "url", "label", "seen", "last_seen", "answer_id", "status")
    }
    out["norm"] = str(out["norm"] or "")
    out["url"] = str(out["url"] or "")
    out["last_seen"] = str(out["last_seen"] or "")
    domain = str(group.get("domain", "") or "")
    host, host_domain = split_host(out["url"] or domain)
    out.update(
        reason=str(verdict.get("reason") or claim_reason(claim or {"verdict": {"label": group.get("label")}})),
        action=str((claim or {}).get("action", "")),
        query=str(answer.get("query", "")),
        claim_id=str((claim or {}).get("id", "")),
        source_id=source_id,
        evidence=list(verdict.get("evidence") or ()),
        credibility=credibility,
        decision=group.get("decision"),
        history=answers.decision_history(str(out["norm"]), domain),
        page_label=label_json(labels.page(str(out["url"]))),
        domain_label=label_json(labels.domain(host, host_domain)) if host else None,
        label_domain=host_domain,
    )
    current = out["domain_label"]
    out["reviewer_label"] = current["label"] if current else None
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
    labels = engine_of().answers.source_overrides()
    for group in engine_of().answers.claim_groups(status):
        if label and group.get("label") != label:
            continue
        if domain and str(group.get("domain", "")) != domain:
            continue
        if day and str(group.get("last_seen", ""))[:10] < day:
            continue
        yield _enrich(group, labels)
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
def _note(note: object) -> str:
    if not isinstance(note, str) or len(note) > MAX_NOTE:
        raise ApiError(400, "bad_request", f"note must be a string of at most {MAX_NOTE} characters")
    return note.strip()


def decide(group_id: str, decision: object, note: object, reviewer: str) -> dict[str, Any]:
    """Store a reviewer's decision on a claim group: confirm, dismiss, or automatic (undo)."""
    if not isinstance(decision, str) or decision not in CLAIM_DECISIONS:
        raise ApiError(400, "bad_request", "decision must be confirm, dismiss or automatic")
    text = _note(note)
    group = engine_of().answers.find_group(group_id) if _GROUP_ID.match(group_id) else None
    if group is None:
        raise ApiError(404, "not_found", "no claim group has that id")
    stored = engine_of().answers.decide(group["norm"], group["domain"], group["text"], decision, reviewer, text)
    return {
        "id": group_id,
        "decision": decision,
        "status": DECISIONS[decision],
        "reviewer": stored["reviewer"],
        "at": stored["at"],
        "note": stored["note"],
    }


def _target(url: object, domain: object) -> tuple[Scope, str]:
    """(scope, target) from a request naming a page URL or a domain (exactly one)."""
    if (url is None) == (domain is None):
        raise ApiError(400, "bad_request", "give either url (one page) or domain (every page of a site)")
    if url is not None:
        if not isinstance(url, str) or len(url) > MAX_URL or not web_url(url):
            raise ApiError(400, "bad_request", f"url must be an http(s) address of at most {MAX_URL} characters")
        return "page", url
    if not isinstance(domain, str) or len(domain) > MAX_DOMAIN or not _DOMAIN.fullmatch(domain):
        raise ApiError(400, "bad_request", "domain must be a lower-case host name such as news.example.org")
    return "domain", domain


def label_source(
    url: object, domain: object, label: object, automatic: object, note: object, reviewer: str
) -> dict[str, Any]:
    """Store a reviewer's credibility label for one page or a whole domain, or set it back to automatic."""
    scope, target = _target(url, domain)
    back = automatic is True or label == AUTOMATIC
    if automatic not in (None, False, True):
        raise ApiError(400, "bad_request", "automatic must be true or false")
    if not back and label not in CREDIBILITY_LABELS:
        raise ApiError(
            400, "bad_request", f"label must be one of {', '.join(CREDIBILITY_LABELS)}, or send automatic: true"
        )
    if back and label not in (None, "", AUTOMATIC):
        raise ApiError(400, "bad_request", "send either a label or automatic: true, not both")
    stored = engine_of().answers.label_source(target, None if back else str(label), reviewer, _note(note), scope)
    out = label_json(stored) or {}
    if scope == "domain" and not back:
        out["warning"] = DOMAIN_WARNING.format(domain=target)
    return out


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
    """POST /api/audit/claims/<id> {"decision": "confirm|dismiss|automatic", "note"}."""
    body = _json_body({"decision", "note"})
    return jsonify(decide(group_id, body.get("decision"), body.get("note", ""), g.reviewer))


@bp.post("/api/audit/sources")
@reviewer_api
def api_label_source() -> Response:
    """POST /api/audit/sources {"url" or "domain", "label" or "automatic": true, "note"}."""
    body = _json_body({"url", "domain", "label", "automatic", "note"})
    return jsonify(label_source(body.get("url"), body.get("domain"), body.get("label"), body.get("automatic"),
                                body.get("note", ""), g.reviewer))


@bp.get("/api/audit/sources")
@reviewer_api
def api_source_labels() -> Response:
    """GET /api/audit/sources[?history=1]: the reviewer labels in force (or every decision, undos included)."""
    history = request.args.get("history", "") in ("1", "true")
    labels = [label_json(item) for item in engine_of().answers.source_labels(history=history)]
    return jsonify({"count": len(labels), "labels": labels})


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
        domain_warning=DOMAIN_WARNING,
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
    """The confirm / dismiss / back-to-automatic form."""
    result = decide(group_id, request.form.get("decision"), request.form.get("note", ""), g.reviewer)
    group = engine_of().answers.find_group(group_id) or {}
    if result["decision"] == AUTOMATIC:
        flash("Back to automatic: the verifier's own verdict applies again to this claim.")
    elif result["decision"] == "dismiss" and group.get("label") == "satire":
        flash("Dismissed. A satirical source never backs a claim as a fact, so answers keep leaving it out; "
              "label the page itself if it is not satire.")
    elif result["decision"] == "dismiss":
        flash("Dismissed: the next answer states this claim as supported, saying a reviewer confirmed it.")
    else:
        flash(f"{result['status'].capitalize()}: the group is now {result['status']}.")
    return _back()


@bp.post("/audit/sources")
@reviewer_page
def form_label_source() -> Any:
    """The source-label form: one page or a whole domain, a label or back to automatic."""
    form = request.form
    scope = form.get("scope", "page")
    if scope not in ("page", "domain"):
        raise ApiError(400, "bad_request", "scope must be page or domain")
    label = form.get("label")
    result = label_source(
        form.get("url") if scope == "page" else None,
        form.get("domain") if scope == "domain" else None,
        label,
        label == AUTOMATIC,
        form.get("note", ""),
        g.reviewer,
    )
    target = result.get("url") or result.get("domain")
    if result["automatic"]:
        flash(f"{target} is back to automatic: Verisight judges it by itself again.")
    else:
        flash(f"{target} is now labelled {badge(str(result['label'])).lower()}. {result.get('warning', '')}".strip())
    return _back()


def _safe_next(target: str) -> bool:
    return target.startswith("/") and not target.startswith("//") and "\\" not in target and "\n" not in target


@bp.route("/audit/signin", methods=["GET", "POST"])
def signin() -> Any:
    """Sign in with a reviewer name and the password, or the token ``verisight reviewer add`` printed."""
    target = request.values.get("next", "")
    if not _safe_next(target):
        target = url_for("audit.page")
    error = ""
    status = 200
    if request.method == "POST":
        check_csrf()
        name = request.form.get("name", "")[:64]
        password = request.form.get("password", "")[:1024]
        reviewer = reviewers_of().sign_in(name, password.strip()) if name and password else None
        if reviewer is not None:
            sign_in(reviewer)
            return redirect(target, code=303)
        error, status = "Wrong name, password or token.", 401
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
