"""Text contrast on the pages, measured in Chromium: every piece of text shown, in the states a fair day
brings (marked, agreed, closed, refused, busy), against the background it is drawn on, by the WCAG 2
relative-luminance formula. The 已标记 / "Marked" button's white on green was 4.39:1."""
import pytest

from tests.browser.conftest import KIOSK_SIZE, TABLET_SIZE, expect

pytestmark = pytest.mark.browser

# WCAG 2 AA for normal text; held for large text too (which would pass at 3:1).
AA = 4.5

# Each element with text of its own that is shown: its text colour (fill for SVG text) with the opacity of it
# and its ancestors, over the background colours of it and its ancestors composited down to the first opaque
# one (else the white canvas). A disabled control is left out: WCAG asks nothing of inactive components.
MEASURE = """() => {
  const parse = (value) => {
    const match = /rgba?\\(([^)]+)\\)/.exec(value || "");
    if (!match) return null;
    const [r, g, b, a = 1] = match[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a), a: 1 });
  const channel = (value) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const contrast = (one, other) => {
    const [high, low] = [luminance(one), luminance(other)].sort((x, y) => y - x);
    return (high + 0.05) / (low + 0.05);
  };
  const hex = (c) => "#" + [c.r, c.g, c.b].map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");
  function background(el) {
    const layers = [];
    for (let node = el; node; node = node.parentElement) {
      const color = parse(getComputedStyle(node).backgroundColor);
      if (color && color.a > 0) {
        layers.push(color);
        if (color.a >= 1) break;
      }
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), { r: 255, g: 255, b: 255, a: 1 });
  }
  function opacity(el) {
    let product = 1;
    for (let node = el; node; node = node.parentElement) product *= Number(getComputedStyle(node).opacity);
    return product;
  }
  const measured = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (["script", "style", "option", "title"].includes(el.tagName.toLowerCase())) continue;
    const text = Array.from(el.childNodes).filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent).join("").trim();
    if (!text || !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    if (el.closest(":disabled")) continue;
    const style = getComputedStyle(el);
    const ink = parse(el instanceof SVGElement ? style.fill : style.color);
    if (!ink) continue;
    const below = background(el);
    const shown = over({ ...ink, a: ink.a * opacity(el) }, below);
    measured.push({
      text: text.slice(0, 24), where: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
        + (el.getAttribute("class") ? "." + el.getAttribute("class").trim().split(/\\s+/).join(".") : ""),
      color: hex(shown), background: hex(below), ratio: Math.round(contrast(shown, below) * 100) / 100 });
  }
  return measured;
}"""


class Sweep:
    """The texts measured on the pages so far, and where each state was."""

    def __init__(self):
        self.measured = []

    def __call__(self, page, state):
        self.measured += [{**item, "state": state} for item in page.evaluate(MEASURE)]

    def below(self, threshold):
        return sorted({(m["color"], m["background"], m["ratio"], m["where"], m["text"], m["state"])
                       for m in self.measured if m["ratio"] < threshold})

    def texts(self):
        return {m["text"] for m in self.measured}


def test_every_text_on_the_pages_has_aa_contrast_in_every_state(browser, open_page, live, fair):
    sweep = Sweep()
    welder = fair.welder["id"]
    # Seekers in each state the booth shows: agreed, marked by the booth only, interested only.
    agreed, marked, interested = (fair.kiosk("POST", f"{fair.base}/seekers", 201, json={
        "name": name, "phone": phone, "consent": True, "desired_titles": ["焊工"], "skills": ["电焊"]})
        for name, phone in [("王小明", "13912345678"), ("陈刚", "15823456789"), ("刘洋", "13698765432")])
    for seeker in (agreed, interested):
        fair.kiosk("PUT", f"/api/v1/postings/{welder}/intents/{seeker['id']}", 200)
    for seeker in (agreed, marked):
        fair.emp("PUT", f"/api/v1/postings/{welder}/intents/{seeker['id']}", 200)
    for number in range(5):  # more cooks than cook's positions: a ratio below 1 on the dashboard
        fair.kiosk("POST", f"{fair.base}/seekers", 201, json={
            "name": f"厨师{number}", "phone": f"1370000000{number}", "consent": True, "desired_titles": ["厨师"]})
    closed = fair.emp("POST", f"{fair.base}/postings", 201, json={"title": "仓库管理员", "headcount": 1})
    fair.emp("PATCH", f"/api/v1/postings/{closed['id']}", 200, json={"status": "closed"})

    # The token screen, refused.
    context = browser.new_context(viewport=TABLET_SIZE)
    try:
        page = context.new_page()
        page.goto(live.url + "/employer")
        page.fill("#token-input", "fme_not-a-token")
        page.click("#token-form button[type=submit]")
        expect(page.locator("#token-error")).to_be_visible()
        sweep(page, "token refused")
    finally:
        context.close()

    # The kiosk: welcome, the form refused, the results with an agreement and marks, the idle warning.
    kiosk = open_page("/kiosk", fair.kiosk_token, KIOSK_SIZE)
    sweep(kiosk, "kiosk welcome")
    kiosk.fill("#start-phone", "13912345678")
    kiosk.click("#phone-form button[type=submit]")
    expect(kiosk.locator("#form-screen")).to_be_visible()
    kiosk.fill("#seeker-form [name=experience_years]", "70")
    kiosk.click("#submit-seeker")
    expect(kiosk.locator("#form-error")).to_be_visible()
    sweep(kiosk, "kiosk form refused")
    kiosk.fill("#seeker-form [name=experience_years]", "4")
    kiosk.check("#seeker-form [name=consent]")
    kiosk.click("#submit-seeker")
    expect(kiosk.locator("#my-interests .banner-ok")).to_be_visible()
    kiosk.locator(f"#recommendations li[data-posting-id='{fair.cook['id']}'] button.interest").click()
    expect(kiosk.locator("#my-interests li")).to_have_count(2)
    sweep(kiosk, "kiosk results")
    kiosk.evaluate("document.getElementById('idle-overlay').hidden = false")
    sweep(kiosk, "kiosk idle warning")

    # The booth: postings (one closed), the shortlist's marks, agreements, an import, a refused posting, a failure.
    booth = open_page("/employer", fair.employer_token, TABLET_SIZE)
    expect(booth.locator("#postings .badge-closed")).to_have_count(1)
    sweep(booth, "booth postings")
    booth.locator(f"#postings li[data-posting-id='{welder}'] button.btn-primary").click()
    expect(booth.locator(f"#shortlist tbody tr[data-seeker-id='{interested['id']}'] .badge")).to_be_visible()
    expect(booth.locator("#shortlist button.btn-on")).to_have_count(2)
    sweep(booth, "booth shortlist")
    booth.click(".tab[data-tab=agreements]")
    expect(booth.locator("#agreements tbody .contact-revealed").first).to_be_visible()
    sweep(booth, "booth agreements")
    booth.click(".tab[data-tab=import]")
    booth.set_input_files("#import-file", {"name": "职位.csv", "mimeType": "text/csv",
                                           "buffer": "职位名称,招聘人数\n叉车司机,2\n".encode()})
    booth.click("#import-form button[type=submit]")
    expect(booth.locator("#import-result .banner-ok")).to_be_visible()
    sweep(booth, "booth imported")
    booth.set_input_files("#import-file", {"name": "职位.xlsx", "mimeType": "application/octet-stream",
                                           "buffer": b"PK\x03\x04 not a workbook"})
    booth.click("#import-form button[type=submit]")
    expect(booth.locator("#import-errors")).to_be_visible()
    sweep(booth, "booth import refused")
    booth.route("**/agreements?*", lambda route: route.fulfill(status=500, json={"code": 500, "message": "boom"}))
    booth.click(".tab[data-tab=agreements]")
    expect(booth.locator("#global-error")).to_be_visible()
    sweep(booth, "booth failure banner")
    booth.click(".tab[data-tab=postings]")
    booth.click("#new-posting")
    booth.click("#posting-save")
    expect(booth.locator("#posting-error")).to_be_visible()
    sweep(booth, "booth posting refused")

    # The dashboard, and the organizer's setup with tokens just issued (opened at 127.0.0.1: warned).
    dashboard = open_page("/dashboard", fair.org_token, TABLET_SIZE)
    expect(dashboard.locator("#occupations .ratio-low").first).to_be_visible()
    expect(dashboard.locator("#hour-chart svg text").first).to_be_visible()
    expect(dashboard.locator("#employers .badge-waiting").first).to_be_visible()
    sweep(dashboard, "dashboard")
    dashboard.click("#employer-sort [data-sort=awaiting_employer]")
    expect(dashboard.locator("#employer-sort [aria-pressed=true]")).to_have_attribute("data-sort", "awaiting_employer")
    sweep(dashboard, "dashboard by awaiting reply")
    setup = open_page("/setup", fair.org_token, TABLET_SIZE)
    setup.fill("#kiosk-form [name=label]", "B区登记台")
    setup.click("#kiosk-save")
    expect(setup.locator("#local-address")).to_be_visible()
    setup.fill("#employer-form [name=name]", "重庆渝北物流有限公司")
    setup.fill("#employer-form [name=credit_code]", "9150010")
    setup.click("#employer-save")
    expect(setup.locator("[data-field=credit_code] .field-msg")).to_be_visible()
    setup.fill("#employer-search", "没有这家")
    expect(setup.locator("#employer-search-result")).to_be_visible()
    sweep(setup, "setup")

    # The states this is about were measured, not missed.
    assert {"✓ 已标记（点此取消）", "已达成意向", "✓ 已感兴趣（点此取消）", "已关闭", "求职者感兴趣"} <= sweep.texts()
    low = sweep.below(AA)
    assert not low, "\n".join(f"{ratio}:1 {color} on {background}: {where} «{text}» ({state})"
                              for color, background, ratio, where, text, state in low)
