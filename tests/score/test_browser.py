"""The HTML report in a real browser (headless Chromium): charts drawn with one mark per item, nothing
fetched from the network, a hostile paper's scripts not run. Screenshots go to tmp/test-output/score/."""

from __future__ import annotations

import json

import pytest

from ico_lens.report.html import render_html
from ico_lens.report.html.charts import MARK_SELECTORS
from ico_lens.score import score


def open_report(browser, path):
    """Load the page, wait for Plotly to draw; return the URLs it requested."""
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get_log("performance")  # drop what earlier pages logged
    browser.get(path.as_uri())
    WebDriverWait(browser, 30).until(lambda d: d.execute_script(
        "return document.readyState === 'complete' && "
        "[...document.querySelectorAll('[data-chart]')].every(c => c.querySelector('.main-svg'))"))
    events = [json.loads(entry["message"])["message"] for entry in browser.get_log("performance")]
    return [e["params"]["request"]["url"] for e in events if e["method"] == "Network.requestWillBeSent"]


def marks(browser, chart: str) -> int:
    return len(browser.find_elements("css selector", f'[data-chart="{chart}"] {MARK_SELECTORS["bar" if chart != "percentiles" else "markers"]}'))


def test_a_sample_report_draws_its_charts_offline(browser, meridia, tmp_path, artefacts):
    paper, profile = meridia
    report = score(paper.facts, profile, paper="meridia.pdf")
    path = tmp_path / "meridia.html"
    path.write_text(render_html(report), encoding="utf-8")
    requests = open_report(browser, path)
    assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
    assert marks(browser, "allocation") == len(paper.facts.main_allocation.items) == 6
    assert marks(browser, "use_of_funds") == len(paper.facts.main_use_of_funds.items)
    measured = [i for c in report.components if c.assessed for i in c.items if i.percentile is not None]
    assert marks(browser, "percentiles") == len(measured) == 5
    assert browser.find_element("id", "score").text == str(report.score)
    browser.save_screenshot(str(artefacts / "meridia-report.png"))


def test_a_hostile_paper_renders_as_text_and_runs_nothing(browser, hostile_paper, tmp_path, artefacts):
    import ico_lens.language
    import ico_lens.paper

    paper = ico_lens.paper.analyse(hostile_paper)
    report = score(paper.facts, ico_lens.language.analyse(paper.document, use_models=False), paper=str(hostile_paper))
    path = tmp_path / "evilcoin.html"
    path.write_text(render_html(report), encoding="utf-8")
    requests = open_report(browser, path)
    assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
    assert browser.execute_script("return window.__pwned === undefined")
    assert browser.title.startswith("ico-lens score")
    text = browser.find_element("tag name", "body").text
    assert "<script>window.__pwned = 2</script>" in text  # shown, as written
    assert browser.find_elements("css selector", "a[href^='javascript:'], img[src='x']") == []
    # hover every bar and flag: an inline handler smuggled in would fire now
    for element in browser.find_elements("css selector", ".flag, g.point"):
        browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))", element)
    assert browser.execute_script("return window.__pwned === undefined")
    assert marks(browser, "allocation") == 3
    browser.save_screenshot(str(artefacts / "hostile-report.png"))


@pytest.mark.parametrize("width", [390])
def test_the_report_fits_a_phone_screen(browser, meridia, tmp_path, artefacts, width):
    paper, profile = meridia
    path = tmp_path / "phone.html"
    path.write_text(render_html(score(paper.facts, profile, paper="meridia.pdf")), encoding="utf-8")
    browser.set_window_size(width, 900)
    try:
        open_report(browser, path)
        # nothing wider than the screen but the tables' own scrolling boxes
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width
        browser.save_screenshot(str(artefacts / "meridia-phone.png"))
    finally:
        browser.set_window_size(1000, 2600)
