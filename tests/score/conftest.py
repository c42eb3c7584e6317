"""Fixtures of the score tests: sample papers read once, a hostile paper, a headless Chromium."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "corpora" / "sample" / "build"
#: where the browser test leaves its screenshots (a CI job can keep them)
ARTEFACTS = Path(os.environ.get("ICO_LENS_TEST_OUTPUT", REPO / "tmp" / "test-output")) / "score"
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"

#: a white paper written to attack the report: markup, scripts and a javascript: link in its text and labels
HOSTILE_PAPER = """\
EvilCoin (EVL) White Paper <script>window.__pwned = 1; document.title = "pwned"</script>

Token allocation
The total supply of EVL is 100,000,000 tokens. The tokens are allocated as follows:
- <script>window.__pwned = 2</script> Team: 30%
- <img src=x onerror="window.__pwned = 3"> Public sale: 60%
- Advisors <a href="javascript:window.__pwned = 4">click</a>: 10%

Guaranteed returns! Holders will certainly profit: <b onmouseover="window.__pwned=5">10x returns</b> are guaranteed.
Visit javascript:window.__pwned=6 or [docs](javascript:alert(1)) for [bold]more[/bold].
"""


def sample_paper(name: str) -> Path:
    path = SAMPLE / f"{name}.pdf"
    if not path.is_file():
        pytest.skip(f"sample corpus not generated ({path}); run make sample")
    return path


@pytest.fixture(scope="session")
def meridia():
    """The sample paper meridia read by the paper and (dictionary) language stages."""
    import ico_lens.language
    import ico_lens.paper

    paper = ico_lens.paper.analyse(sample_paper("meridia"))
    return paper, ico_lens.language.analyse(paper.document, use_models=False)


@pytest.fixture(scope="session")
def hostile_paper(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "evilcoin.txt"
    path.write_text(HOSTILE_PAPER, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def artefacts() -> Path:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    return ARTEFACTS


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium through Selenium (Debian's chromium and chromium-driver; `make test` installs
    them when run as root); skips with the reason when it cannot be had."""
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium not installed (pip install -c constraints.txt selenium)")
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not (Path(p).is_file() or shutil.which(Path(p).name))]
    if missing:
        pytest.skip(f"no headless browser: {', '.join(missing)} missing (apt-get install chromium chromium-driver, as root)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM if Path(CHROMIUM).is_file() else shutil.which("chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-dev-shm-usage", "--window-size=1000,2600"):
        options.add_argument(argument)
    # the performance log lists every request the page makes (Network.requestWillBeSent)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    try:
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER if Path(CHROMEDRIVER).is_file() else shutil.which("chromedriver")),
                                  options=options)
    except Exception as exc:  # a browser that does not start is a missing browser here
        pytest.skip(f"headless chromium did not start: {' '.join(str(exc).split())[:200]}")
    yield driver
    driver.quit()
