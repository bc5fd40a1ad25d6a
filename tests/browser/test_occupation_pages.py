"""Occupation names on the pages: "welder (焊工)" in English where an English name is known, Chinese alone in Chinese."""
import pytest

from tests.browser.conftest import TABLET_SIZE, expect

pytestmark = pytest.mark.browser


def test_the_booth_names_a_postings_occupation_in_the_pages_language(open_page, fair):
    booth = open_page("/employer", fair.employer_token, TABLET_SIZE)
    facts = booth.locator(f"#postings li[data-posting-id='{fair.welder['id']}'] .muted")
    expect(facts).to_have_text("招聘人数 3 · 6000–9000 元/月 · 两江新区 · 焊工")
    booth.click("#lang-switch")  # the list is drawn again in English
    expect(facts).to_have_text("Openings 3 · 6000–9000 CNY/month · 两江新区 · welder (焊工)")
    booth.reload()  # an English page from the start
    booth.wait_for_selector("#app:not([hidden])")
    expect(facts).to_have_text("Openings 3 · 6000–9000 CNY/month · 两江新区 · welder (焊工)")
    booth.click("#lang-switch")
    expect(facts).to_have_text("招聘人数 3 · 6000–9000 元/月 · 两江新区 · 焊工")


def test_the_dashboard_names_occupations_in_the_pages_language(open_page, fair):
    # 篆刻家 (a seal engraver): an occupation without an English name keeps its Chinese name on the English page.
    fair.emp("POST", f"{fair.base}/postings", 201, json={"title": "篆刻家", "headcount": 1})
    dashboard = open_page("/dashboard", fair.org_token, TABLET_SIZE)
    names = dashboard.locator("#occupations tbody tr td:first-child")
    expect(names).to_have_count(4)
    assert "焊工" in names.all_inner_texts() and "篆刻家" in names.all_inner_texts()
    assert not any("welder" in name for name in names.all_inner_texts())
    dashboard.click("#lang-switch")
    expect(names.filter(has_text="焊工")).to_have_text("welder (焊工)")
    assert "篆刻家" in names.all_inner_texts()
    dashboard.click("#lang-switch")
    expect(names.filter(has_text="焊工")).to_have_text("焊工")
