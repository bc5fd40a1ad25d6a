/* The organizer's live dashboard: figures, agreements by hour (hand-drawn SVG),
   supply and demand by occupation, top employers (or those leaving the most seekers waiting),
   postings nobody marked yet. */
"use strict";

(() => {
  const { t, h, api } = FM;
  const REFRESH_MS = 1000 * (Number(document.getElementById("dashboard-script").dataset.refreshSeconds) || 10);
  const FAIR_KEY = "fairmatch.dashboard.fair";
  const EMPLOYER_SORT_KEY = "fairmatch.dashboard.employer_sort";
  const SVG_NS = "http://www.w3.org/2000/svg";  // the namespace name, not a resource fetched
  const state = { fairs: [], fairId: null, stats: null, withoutInterest: [], timer: null,
    employerSort: localStorage.getItem(EMPLOYER_SORT_KEY) === "awaiting_employer" ? "awaiting_employer" : "agreements" };
  const picker = document.getElementById("fair-picker");

  function svg(tag, attrs, ...children) {
    const el = document.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attrs || {})) el.setAttribute(name, value);
    children.forEach((child) => el.append(child instanceof Node ? child : document.createTextNode(String(child))));
    return el;
  }

  function hourLabel(iso) {
    return (iso || "").slice(11, 16);
  }

  /* The hours of one day from the first to the last with events, quiet hours as zeros. */
  function withQuietHours(rows) {
    if (rows.length < 2) return rows;
    const first = rows[0].hour, last = rows[rows.length - 1].hour;
    if (first.slice(0, 11) !== last.slice(0, 11)) return rows;  // spans days: keep as reported
    const byHour = new Map(rows.map((row) => [Number(row.hour.slice(11, 13)), row]));
    const filled = [];
    for (let hour = Number(first.slice(11, 13)); hour <= Number(last.slice(11, 13)); hour += 1) {
      const iso = first.slice(0, 11) + String(hour).padStart(2, "0") + first.slice(13);
      filled.push(byHour.get(hour) || { hour: iso, seekers: 0, seeker_intents: 0, agreements: 0 });
    }
    return filled;
  }

  /* Grouped bars per hour: new seekers (light) and agreements (green). Drawn as wide as the card
     is, one unit a pixel, so that its text keeps its size: a chart 900 units wide shrunk to a phone's
     320 px had hours and figures 6 px tall. */
  function renderHourChart(reported) {
    const rows = withQuietHours(reported);
    const box = document.getElementById("hour-chart");
    if (!rows.length) { box.replaceChildren(h("p", { class: "muted" }, t("dashboard.no_data"))); return; }
    const width = Math.max(280, Math.round(box.clientWidth) || 900), height = 260, bottom = 28, top = 16;
    const peak = Math.max(1, ...rows.map((row) => Math.max(row.seekers || 0, row.agreements || 0)));
    const figureWidth = 7 * String(peak).length + 6;  // the widest figure, at 12 px
    const left = Math.max(40, figureWidth + 12);
    const slot = (width - left) / rows.length;
    const barWidth = Math.max(4, Math.min(36, slot * 0.36));
    // Figures over the bars where they fit beside the next hour's (the tiles have the totals); an hour
    // label (13 px, "08:00") every so many hours that they stand apart.
    const figures = slot >= 2 * figureWidth;
    const labelEvery = Math.ceil(48 / slot);
    const y = (value) => top + (height - top - bottom) * (1 - value / peak);
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": t("dashboard.by_hour") });
    chart.append(svg("line", { class: "axis", x1: left, x2: width, y1: height - bottom, y2: height - bottom }));
    chart.append(svg("text", { x: left - 8, y: y(peak) + 4, "text-anchor": "end" }, peak));
    chart.append(svg("text", { x: left - 8, y: height - bottom + 4, "text-anchor": "end" }, 0));
    rows.forEach((row, index) => {
      const center = left + slot * index + slot / 2;
      [["seekers", -1], ["agreements", 0]].forEach(([key, shift]) => {
        const value = row[key] || 0;
        const x = center + shift * barWidth;
        chart.append(svg("rect", { class: "bar-" + key, x, y: y(value), width: barWidth, height: height - bottom - y(value), rx: 2 },
          svg("title", {}, `${hourLabel(row.hour)} ${t(key === "seekers" ? "dashboard.by_hour_seekers" : "dashboard.agreements")}: ${value}`)));
        if (value && figures) chart.append(svg("text", { class: "value", x: x + barWidth / 2, y: y(value) - 4, "text-anchor": "middle" }, value));
      });
      if (index % labelEvery === 0) {
        // The last hour's label at the edge of a narrow chart stays inside it.
        const x = Math.min(center, width - 20);
        chart.append(svg("text", { x, y: height - 8, "text-anchor": "middle" }, hourLabel(row.hour)));
      }
    });
    box.replaceChildren(chart);
  }

  function ratioCell(positions, seekers) {
    if (!seekers) return h("td", { class: "num muted" }, "—");
    const ratio = positions / seekers;
    return h("td", { class: "num " + (ratio >= 1 ? "ratio-high" : "ratio-low") }, ratio.toFixed(2));
  }

  function bar(value, peak, kind) {
    return h("div", { class: "bar-cell" },
      h("div", { class: "hbar " + kind, style: `width:${Math.round(120 * value / peak)}px` }), h("span", {}, value));
  }

  function renderOccupations(rows) {
    const body = document.querySelector("#occupations tbody");
    if (!rows.length) { body.replaceChildren(h("tr", {}, h("td", { colspan: 5, class: "muted" }, t("dashboard.no_data")))); return; }
    const peak = Math.max(1, ...rows.map((row) => Math.max(row.positions || 0, row.seekers || 0)));
    body.replaceChildren(...rows.map((row) => h("tr", {},
      h("td", {}, FM.occupationText(row) || "—"),
      h("td", {}, bar(row.positions || 0, peak, "demand")),
      h("td", {}, bar(row.seekers || 0, peak, "supply")),
      ratioCell(row.positions || 0, row.seekers || 0),
      h("td", { class: "num" }, row.agreements || 0))));
  }

  /* Seekers a booth has not answered yet, highlighted when any: the booths an organizer walks to. */
  function awaitingCell(waiting) {
    return h("td", { class: "num" }, waiting > 0 ? h("span", { class: "badge badge-waiting" }, waiting) : 0);
  }

  /* The first ten employers, in the API's order (most agreements first) or, on request, those leaving the
     most seekers waiting first (ties kept in the API's order). */
  function renderEmployers(reported) {
    const byAwaiting = state.employerSort === "awaiting_employer";
    const title = document.getElementById("employers-title");
    title.dataset.i18n = byAwaiting ? "dashboard.top_awaiting" : "dashboard.top_employers";
    title.textContent = t(title.dataset.i18n);
    document.querySelectorAll("#employer-sort [data-sort]").forEach((button) => {
      button.setAttribute("aria-pressed", String(button.dataset.sort === state.employerSort));
    });
    const rows = byAwaiting
      ? [...reported].sort((a, b) => (b.awaiting_employer || 0) - (a.awaiting_employer || 0)) : reported;
    const body = document.querySelector("#employers tbody");
    if (!rows.length) { body.replaceChildren(h("tr", {}, h("td", { colspan: 4, class: "muted" }, t("dashboard.no_data")))); return; }
    body.replaceChildren(...rows.slice(0, 10).map((row) => h("tr", {},
      h("td", {}, row.name, row.booth ? h("span", { class: "booth-tag" }, t("booth").replace("{0}", row.booth)) : null),
      h("td", { class: "num" }, row.positions || 0), h("td", { class: "num" }, row.agreements || 0),
      awaitingCell(row.awaiting_employer || 0))));
  }

  function renderWithoutInterest() {
    const list = document.getElementById("without-interest");
    document.getElementById("without-interest-count").textContent =
      state.stats ? state.stats.postings_without_interest ?? state.withoutInterest.length : "—";
    if (!state.withoutInterest.length) {
      list.replaceChildren(h("li", { class: "muted" }, t("dashboard.all_have_interest")));
      return;
    }
    list.replaceChildren(...state.withoutInterest.map((posting) => h("li", {},
      posting.title, h("span", {}, [posting.employer_name, posting.employer_booth && t("booth").replace(
        "{0}", posting.employer_booth)].filter(Boolean).join(" · ")))));
  }

  function render() {
    const stats = state.stats;
    if (!stats) return;
    document.querySelectorAll("[data-stat]").forEach((tile) => {
      tile.querySelector("strong").textContent = stats[tile.dataset.stat] ?? 0;
    });
    renderHourChart(stats.by_hour || []);
    renderOccupations(stats.by_occupation || []);
    renderEmployers(stats.by_employer || []);
    renderWithoutInterest();
  }

  async function refresh() {
    try {
      const [stats, withoutInterest] = await Promise.all([
        api("GET", `/api/v1/fairs/${state.fairId}/stats`),
        api("GET", `/api/v1/fairs/${state.fairId}/postings/without-interest`),
      ]);
      state.stats = stats;
      state.withoutInterest = FM.items(withoutInterest);
      FM.showError(null);
      render();
      // The server's time in the fair's zone, as the hourly chart: a tablet set to another zone would disagree.
      document.getElementById("updated-at").textContent = (stats.generated_at || "").slice(11, 19);
    } catch (error) { FM.showError(error); }
  }

  function chooseFair(fairId) {
    state.fairId = fairId;
    localStorage.setItem(FAIR_KEY, String(fairId));
    const fair = state.fairs.find((candidate) => candidate.id === fairId);
    document.getElementById("fair-title").textContent = fair ? fair.name : "";
    picker.value = String(fairId);
    clearInterval(state.timer);
    refresh();
    state.timer = setInterval(refresh, REFRESH_MS);
  }

  picker.addEventListener("change", () => chooseFair(Number(picker.value)));

  document.querySelectorAll("#employer-sort [data-sort]").forEach((button) => button.addEventListener("click", () => {
    state.employerSort = button.dataset.sort;
    localStorage.setItem(EMPLOYER_SORT_KEY, state.employerSort);
    if (state.stats) renderEmployers(state.stats.by_employer || []);
  }));

  function exportFile(suffix) {
    FM.download(`/api/v1/fairs/${state.fairId}/stats.${suffix}`, "stats." + suffix).catch(FM.showError);
  }
  document.getElementById("stats-csv").addEventListener("click", () => exportFile("csv"));
  document.getElementById("stats-xlsx").addEventListener("click", () => exportFile("xlsx"));

  FM.onLang(render);
  // The chart is drawn to the card's width: a tablet turned, or a window resized, draws it again.
  let resizing = null;
  window.addEventListener("resize", () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => { if (state.stats) renderHourChart(state.stats.by_hour || []); }, 150);
  });

  FM.start("organizer", async (me) => {
    document.getElementById("who").textContent = me.name || "";
    state.fairs = FM.items(await api("GET", "/api/v1/fairs"));
    if (!state.fairs.length) {
      document.getElementById("fair-title").textContent = t("dashboard.no_fairs");
      return;
    }
    picker.replaceChildren(...state.fairs.map((fair) => h("option", { value: fair.id }, `${fair.name} (${fair.date || ""})`)));
    document.getElementById("fair-picker-label").hidden = state.fairs.length < 2;
    const wanted = Number(new URLSearchParams(window.location.search).get("fair") || localStorage.getItem(FAIR_KEY));
    const known = state.fairs.some((fair) => fair.id === wanted);
    chooseFair(known ? wanted : state.fairs[0].id);
  });
})();
