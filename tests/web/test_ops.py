"""Health, readiness and Prometheus metrics."""

from __future__ import annotations

import re
from collections.abc import Callable

from flask import Flask
from flask.testing import FlaskClient

from verisight.engine import Engine


def test_healthz(client: FlaskClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json()["status"] == "ok"


def test_readyz_when_ready(client: FlaskClient) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["status"] == "ready"
    assert set(body["components"]) == {"documents", "index", "models"}
    assert all(c["ready"] for c in body["components"].values())


def test_readyz_says_which_component_is_not_ready(empty_engine: Engine, make_app: Callable[..., Flask]) -> None:
    response = make_app(empty_engine).test_client().get("/readyz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["status"] == "not_ready"
    assert not body["components"]["documents"]["ready"]
    assert not body["components"]["index"]["ready"]
    assert body["components"]["models"]["ready"]
    assert body["error"]["code"] == "not_ready"
    assert "documents" in body["error"]["message"] and "index" in body["error"]["message"]


def _value(text: str, name: str, **labels: str) -> float:
    for line in text.splitlines():
        if not line.startswith(name + "{") and not line.startswith(name + " "):
            continue
        if all(f'{k}="{v}"' in line for k, v in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_metrics_count_requests_stages_verdicts_and_clicks(client: FlaskClient) -> None:
    client.get("/healthz")
    client.get("/api/nowhere")
    answer = client.post("/api/answer", json={"query": "how do I keep cheese on my pizza"}).get_json()
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.content_type.startswith("text/plain; version=0.0.4")
    text = response.get_data(as_text=True)
    assert _value(text, "verisight_http_requests_total", route="/healthz", status="200") >= 1
    assert _value(text, "verisight_http_requests_total", route="unmatched", status="404") >= 1
    assert _value(text, "verisight_answer_stage_seconds_count", stage="total") >= 1
    assert _value(text, "verisight_answer_stage_seconds_bucket", stage="retrieve", le="+Inf") >= 1
    verdicts = sum(
        float(line.rsplit(" ", 1)[1])
        for line in text.splitlines()
        if line.startswith("verisight_claim_verdicts_total{")
    )
    assert verdicts == len(answer["overview"]["claims"]) > 0

    source = answer["sources"][0]
    go = client.get("/go", query_string={"answer": answer["answer_id"], "source": source["id"]})
    assert go.status_code == 302
    text = client.get("/metrics").get_data(as_text=True)
    label = source["credibility"]["label"]
    assert _value(text, "verisight_citation_clicks_total", credibility=label) == 1


def test_metrics_text_is_well_formed(client: FlaskClient) -> None:
    client.get("/healthz")
    text = client.get("/metrics").get_data(as_text=True)
    sample = re.compile(r'^[a-z_]+(\{([a-z_]+="[^"\n]*",?)*\})? -?[0-9.e+-]+$')
    for line in text.strip().splitlines():
        assert line.startswith("# HELP ") or line.startswith("# TYPE ") or sample.match(line), line
