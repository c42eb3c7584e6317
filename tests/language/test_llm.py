"""LLM backends: an OpenAI-compatible client against a local fake server; SmolLM2 from its GGUF."""

from __future__ import annotations

import json
import math
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ico_lens.errors import InputError
from ico_lens.language.llm import (
    LLMError,
    OpenAIChatClient,
    ZeroShotSentenceLabeler,
    backend_from,
    extract_claims,
    parse_claims,
    parse_role,
    smollm2_gguf,
)
from ico_lens.language.records import SENTENCE_LABELS


class FakeOpenAI(BaseHTTPRequestHandler):
    """Answers like an OpenAI-compatible server; the last user message steers the behaviour."""

    calls: list = []

    def log_message(self, *args):  # keep test output clean
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).calls.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
        prompt = body["messages"][-1]["content"]
        if "BOOM" in prompt:
            return self._send(500, b'{"error": "model crashed"}')
        if "REFUSE" in prompt:
            return self._send(400, b'{"error": "context too long"}')
        if "SLOW" in prompt:
            time.sleep(1.5)
        if "GARBAGE" in prompt:
            return self._send(200, b"<html>not json</html>")
        if "Extract the concrete claims" in prompt:
            answer = 'Sure! ```json\n[{"claim": "team tokens vest over 24 months", "category": "vesting"}, {"claim": "40% of funds to development", "category": "use_of_funds"}]\n```'
        elif "lose all" in prompt:
            answer = "risk"
        else:
            answer = "Disclaimer."
        payload = {"id": "x", "object": "chat.completion", "model": body["model"], "choices": [{"index": 0, "message": {"role": "assistant", "content": answer}, "finish_reason": "stop"}]}
        self._send(200, json.dumps(payload).encode())

    def _send(self, status, data):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
            pass


@pytest.fixture()
def server():
    FakeOpenAI.calls = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeOpenAI)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


pytestmark = pytest.mark.network


def test_chat_completion_round_trip(server):
    client = OpenAIChatClient(server, model="llama3.1:8b", api_key="k")
    assert client.base_url.endswith("/v1")
    assert client.chat([{"role": "user", "content": "Is this a disclaimer?"}]) == "Disclaimer."
    call = FakeOpenAI.calls[-1]
    assert call["path"] == "/v1/chat/completions" and call["body"]["model"] == "llama3.1:8b"
    assert call["auth"] == "Bearer k" and call["body"]["temperature"] == 0.0


def test_zero_shot_labels_through_an_endpoint(server):
    labeler = ZeroShotSentenceLabeler(backend_from(server + "/v1", model="m"))
    assert labeler.method == "generate"
    labels = labeler.fit().predict(["You may lose all amounts paid.", "This is not an offer of securities."])
    assert labels == ["risk_disclosure", "legal_disclaimer"]
    [proba] = labeler.predict_proba(["You may lose all amounts paid."])
    assert set(proba) == set(SENTENCE_LABELS) and proba["risk_disclosure"] == 1.0


def test_claims_are_parsed_from_a_chatty_answer(server):
    claims = extract_claims("Team tokens vest over 24 months. 40% of funds go to development.", OpenAIChatClient(server))
    assert claims == [
        {"claim": "team tokens vest over 24 months", "category": "vesting"},
        {"claim": "40% of funds to development", "category": "use_of_funds"},
    ]


def test_server_errors_are_retried_then_reported(server):
    client = OpenAIChatClient(server, retries=2, backoff=0.01)
    with pytest.raises(LLMError, match="HTTP 500.*after 3 attempt"):
        client.chat([{"role": "user", "content": "BOOM"}])
    assert len(FakeOpenAI.calls) == 3


def test_client_errors_are_not_retried(server):
    client = OpenAIChatClient(server, retries=2, backoff=0.01)
    with pytest.raises(LLMError) as exc:
        client.chat([{"role": "user", "content": "REFUSE"}])
    assert "HTTP 400" in str(exc.value) and "context too long" in str(exc.value) and "attempt" not in str(exc.value)
    assert len(FakeOpenAI.calls) == 1


def test_timeouts_and_garbage_are_clear_errors(server):
    with pytest.raises(LLMError, match="timed out"):
        OpenAIChatClient(server, timeout=0.3, retries=0).chat([{"role": "user", "content": "SLOW"}])
    with pytest.raises(LLMError, match="not JSON"):
        OpenAIChatClient(server).chat([{"role": "user", "content": "GARBAGE"}])


def test_unreachable_endpoint_and_bad_url():
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(LLMError, match="unreachable"):
        OpenAIChatClient(f"http://127.0.0.1:{port}", retries=1, backoff=0.01, timeout=2).chat([{"role": "user", "content": "hi"}])
    with pytest.raises(InputError, match="http"):
        OpenAIChatClient("ftp://example.org")


def test_answer_parsers():
    assert parse_role("Risk: legal, hype, technical, other") == "risk_disclosure"
    assert parse_role("I think this is hype.") == "return_promise"
    assert parse_role("no idea") == "other"
    assert parse_claims("nothing here") == []
    assert parse_claims('[{"claim": "x", "category": "weird"}, "y", {"bad": 1}]') == [
        {"claim": "x", "category": "other"},
        {"claim": "y", "category": "other"},
    ]


@pytest.mark.slow
def test_smollm2_loads_from_its_gguf_offline(monkeypatch):
    pytest.importorskip("transformers")
    pytest.importorskip("gguf")
    pytest.importorskip("accelerate")
    try:
        gguf = smollm2_gguf()
    except Exception as exc:  # the package is installed by `make setup`
        pytest.skip(str(exc))
    assert gguf.suffix == ".gguf"
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    lm = backend_from(None)
    reply = lm.chat([{"role": "user", "content": "Say hello."}], max_tokens=8)
    assert isinstance(reply, str) and reply
    scores = lm.score_options([{"role": "user", "content": "Is fire hot? Answer yes or no."}], ["yes", "no"])
    assert len(scores) == 2 and all(math.isfinite(s) for s in scores)
    labels = ZeroShotSentenceLabeler(lm).predict(["You may lose all amounts paid for the tokens."])
    assert labels[0] in SENTENCE_LABELS
