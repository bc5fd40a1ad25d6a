/* The organizer's setup page: create a fair, register its employers (one by one or from a
   spreadsheet) and kiosks, and hand out their tokens, which the server shows only once. */
"use strict";

(() => {
  const { t, h, api } = FM;
  const FAIR_KEY = "fairmatch.dashboard.fair";  // the dashboard's: both pages open on the same fair
  const MAX_KIOSKS = Number(document.getElementById("setup-script").dataset.maxKiosks);
  const SVG_NS = "http://www.w3.org/2000/svg";  // the namespace name, not a resource fetched
  const state = { fairs: [], fairId: null, employers: [], kiosks: [], issued: [], issuedSaved: true };
  const picker = document.getElementById("fair-picker");
  const fairCard = document.getElementById("fair-card");
  const fairForm = document.getElementById("fair-form");
  const employerForm = document.getElementById("employer-form");
  const kioskForm = document.getElementById("kiosk-form");

  /* ---- forms: the API's field errors beside their fields ---- */
  function clearErrors(form, errorLine) {
    form.querySelectorAll(".invalid").forEach((el) => el.classList.remove("invalid"));
    form.querySelectorAll(".field-msg").forEach((el) => el.remove());
    errorLine.hidden = true;
  }

  function showErrors(form, errorLine, error) {
    const fieldErrors = (error.status === 422 && error.body.errors) || {};
    let marked = 0;
    for (const [name, messages] of Object.entries(fieldErrors)) {
      const holder = form.querySelector(`[data-field="${name}"]`);
      if (!holder) continue;
      holder.classList.add("invalid");
      holder.append(FM.fieldMessage(messages));
      marked += 1;
    }
    if (marked) {
      errorLine.dataset.i18n = "error.check_fields";
      errorLine.textContent = t("error.check_fields");
      errorLine.hidden = false;
      form.querySelector(".invalid input").focus();
    } else FM.showErrorIn(errorLine, error);
  }

  function readForm(form, names) {
    const payload = {};
    for (const name of names) {
      const value = form.elements[name].value.trim();
      if (value) payload[name] = value;
    }
    return payload;
  }

  /* A form whose submit button stays disabled until the answer: a second tap would create twice. */
  function onSubmit(form, errorLine, action) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      clearErrors(form, errorLine);
      const button = form.querySelector("button[type=submit]");
      button.disabled = true;
      try {
        await action();
      } catch (error) {
        showErrors(form, errorLine, error);
      } finally {
        button.disabled = false;
      }
    });
  }

  /* ---- fairs ---- */
  function renderFairs() {
    picker.replaceChildren(...state.fairs.map((fair) => h("option", { value: fair.id }, `${fair.name} (${fair.date || ""})`)));
    document.getElementById("fair-picker-label").hidden = state.fairs.length < 2;
  }

  function showFairForm(shown) {
    fairCard.hidden = !shown;
    document.getElementById("fair-cancel").hidden = !state.fairs.length;  // nothing to go back to
    if (shown) fairForm.elements.name.focus();
  }

  async function chooseFair(fairId) {
    state.fairId = fairId;
    localStorage.setItem(FAIR_KEY, String(fairId));
    const fair = state.fairs.find((candidate) => candidate.id === fairId);
    const title = document.getElementById("fair-title");
    delete title.dataset.i18n;
    title.textContent = fair ? fair.name : "";
    picker.value = String(fairId);
    document.getElementById("setup-sections").hidden = false;
    await Promise.all([loadEmployers(), loadKiosks()]);
  }

  picker.addEventListener("change", () => chooseFair(Number(picker.value)).catch(FM.showError));
  document.getElementById("new-fair").addEventListener("click", () => showFairForm(true));
  document.getElementById("fair-cancel").addEventListener("click", () => showFairForm(false));

  onSubmit(fairForm, document.getElementById("fair-error"), async () => {
    const fair = await api("POST", "/api/v1/fairs", readForm(fairForm, ["name", "date", "venue", "city", "district"]));
    fairForm.reset();
    state.fairs.push(fair);
    renderFairs();
    showFairForm(false);
    await chooseFair(fair.id);
  });

  /* ---- tokens just issued: shown this once, so kept on screen until saved ---- */
  function signInLink(kind, token) {
    return `${window.location.origin}/${kind}#token=${token}`;
  }

  /* Links name the address this page was opened at: one only this computer reaches is no use on a tablet. */
  function warnIfLocalAddress() {
    const host = window.location.hostname;
    const local = host === "localhost" || host === "::1" || host === "[::1]" || host.startsWith("127.");
    const line = document.getElementById("local-address");
    line.hidden = !local;
    line.textContent = t("setup.local_address").replace("{host}", window.location.host);
  }

  /* The sign-in link as a QR code, drawn here so the token never leaves the page. */
  function qrCode(text) {
    const code = qrcode(0, "M");  // 0: the smallest version that holds the text; M survives a smudge
    code.addData(text);
    code.make();
    const size = code.getModuleCount();
    let modules = "";
    for (let row = 0; row < size; row += 1) {
      for (let col = 0; col < size; col += 1) if (code.isDark(row, col)) modules += `M${col} ${row}h1v1h-1z`;
    }
    const quiet = 4;  // the white margin scanners need, in modules
    const svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", `${-quiet} ${-quiet} ${size + 2 * quiet} ${size + 2 * quiet}`);
    svg.setAttribute("class", "qr");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", t("setup.qr"));
    svg.dataset.modules = String(size);
    const background = document.createElementNS(SVG_NS, "rect");
    for (const [name, value] of [["x", -quiet], ["y", -quiet], ["width", size + 2 * quiet], ["height", size + 2 * quiet],
      ["fill", "#fff"]]) background.setAttribute(name, value);
    const dark = document.createElementNS(SVG_NS, "path");
    dark.setAttribute("d", modules);
    dark.setAttribute("fill", "#000");
    svg.append(background, dark);
    return svg;
  }

  function issue(kind, name, token) {
    state.issued.push({ kind, name, token, link: signInLink(kind, token) });
    state.issuedSaved = false;
    renderIssued();
  }

  /* The tokens just issued are shown above everything else, maybe a long list of employers above the
     button that issued them: they are brought into view, or the tap would look as if it did nothing. */
  function revealIssued() {
    const card = document.getElementById("issued-card");
    card.scrollIntoView({ block: "start" });
    card.querySelector("h2").focus({ preventScroll: true });
  }

  function renderIssued() {
    const card = document.getElementById("issued-card");
    card.hidden = !state.issued.length;
    document.querySelector("#issued tbody").replaceChildren(...state.issued.map((row) => h("tr", {},
      h("td", { class: "nowrap" }, t("setup.kind_" + row.kind)),
      h("td", {}, row.name),
      h("td", {}, qrCode(row.link)),
      // Text, not a link: a click would sign this device in as the employer or kiosk.
      h("td", { class: "token-text link-column" }, row.link),
      h("td", { class: "token-text" }, row.token))));
  }

  /* UTF-8 with a byte-order mark and CRLF, as the service's own exports: Excel on Chinese Windows opens it cleanly. */
  function issuedCsv() {
    const cell = (value) => `"${String(value).replace(/"/g, '""')}"`;
    const header = ["setup.kind", "setup.holder", "setup.link", "token.label"].map((key) => cell(t(key)));
    const rows = state.issued.map((row) => [t("setup.kind_" + row.kind), row.name, row.link, row.token].map(cell));
    return "\ufeff" + [header, ...rows].map((cells) => cells.join(",")).join("\r\n") + "\r\n";
  }

  document.getElementById("issued-csv").addEventListener("click", () => {
    const url = URL.createObjectURL(new Blob([issuedCsv()], { type: "text/csv;charset=utf-8" }));
    const fair = state.fairs.find((candidate) => candidate.id === state.fairId);
    const link = h("a", { href: url, download: `tokens-${fair ? fair.name : state.fairId}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    state.issuedSaved = true;
  });
  document.getElementById("issued-print").addEventListener("click", () => {
    window.print();
    state.issuedSaved = true;
  });
  document.getElementById("issued-hide").addEventListener("click", () => {
    if (!state.issuedSaved && !window.confirm(t("setup.issued_hide_confirm"))) return;
    state.issued = [];
    state.issuedSaved = true;
    renderIssued();
  });
  window.addEventListener("beforeunload", (event) => {
    if (state.issuedSaved) return;
    event.preventDefault();
    event.returnValue = t("setup.leave_warning");
  });

  function reissueButton(kind, record, name) {
    return h("button", {
      type: "button", class: "btn btn-small reissue",
      onclick: async (event) => {
        if (!window.confirm(t("setup.reissue_confirm").replace("{name}", name))) return;
        const button = event.currentTarget;
        button.disabled = true;
        try {
          const answer = await api("POST", `/api/v1/fairs/${state.fairId}/${kind}s/${record.id}/token`);
          issue(kind, name, answer.token);
          FM.showError(null);
          revealIssued();
        } catch (error) { FM.showError(error); } finally { button.disabled = false; }
      },
    }, t("setup.reissue"));
  }

  /* ---- employers ---- */
  function employerFieldLabel(field) {
    const key = field === "name" ? "setup.employer_name" : "setup." + field;
    const label = t(key);
    return label === key ? field : label;
  }

  /* A name or code as the search compares them: case, full-width forms (９１５０ from a Chinese input method)
     and spaces do not count, as in the API's one employer per name. */
  function searchable(text) {
    return String(text || "").normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  }

  /* What the search looks in: an employer's name, credit code and booth. */
  function searchedText(employer) {
    return [employer.name, employer.credit_code, employer.booth].map(searchable).join("\n");
  }

  /* Among 520 employers, the one whose card was lost: the rows whose name or credit code has what is typed. */
  const employerSearch = document.getElementById("employer-search");

  function filterEmployers() {
    const wanted = searchable(employerSearch.value);
    const rows = document.querySelectorAll("#employer-list tbody tr[data-employer-id]");
    let found = 0;
    rows.forEach((row) => {
      row.hidden = Boolean(wanted) && !row.dataset.search.includes(wanted);
      if (!row.hidden) found += 1;
    });
    const line = document.getElementById("employer-search-result");
    line.hidden = !wanted || !rows.length;
    line.textContent = found ? t("setup.find_count").replace("{0}", found)
      : t("setup.find_none").replace("{0}", employerSearch.value.trim());
  }

  // Pinyin still being composed in an input method is no search yet: its input events say isComposing, and
  // the characters chosen come with compositionend (which, in Chromium, no input event follows).
  employerSearch.addEventListener("input", (event) => { if (!event.isComposing) filterEmployers(); });
  employerSearch.addEventListener("compositionend", filterEmployers);

  async function loadEmployers() {
    state.employers = await FM.allItems(`/api/v1/fairs/${state.fairId}/employers`);
    renderEmployers();
  }

  function renderEmployers() {
    document.getElementById("employer-count").textContent = state.employers.length;
    const body = document.querySelector("#employer-list tbody");
    if (!state.employers.length) {
      body.replaceChildren(h("tr", {}, h("td", { colspan: 5, class: "muted" }, t("setup.none_yet"))));
      filterEmployers();
      return;
    }
    body.replaceChildren(...state.employers.map((employer) => h("tr", {
      dataset: {
        employerId: employer.id,
        search: searchedText(employer),
      },
    },
    h("td", {}, employer.name, employer.credit_code ? h("div", { class: "note" }, employer.credit_code) : null),
    h("td", {}, employer.industry || ""),
    h("td", {}, [employer.contact_name, employer.contact_phone].filter(Boolean).join(" ")),
    h("td", {}, boothEditor(employer)),
    h("td", {}, reissueButton("employer", employer, employer.name)))));
    filterEmployers();
  }

  /* Booths are often assigned after registration, from the floor plan: typed in the list, saved with
     Enter or the button; what the API made of it (Ａ１２ -> A12) is shown back. */
  function boothEditor(employer) {
    const status = h("span", { class: "note", role: "status" });
    const input = h("input", {
      value: employer.booth || "", maxlength: 20, spellcheck: "false", class: "booth-input",
      "aria-label": `${t("setup.booth")}${t("colon")}${employer.name}`, placeholder: t("setup.booth_hint"),
      oninput: () => { status.replaceChildren(); },
    });
    const save = h("button", { type: "submit", class: "btn btn-small" }, t("setup.booth_save"));
    return h("form", {
      class: "booth-editor", dataset: { boothOf: employer.id },
      onsubmit: async (event) => {
        event.preventDefault();
        save.disabled = true;
        try {
          const changed = await api("PATCH", `/api/v1/fairs/${state.fairId}/employers/${employer.id}`,
            { booth: input.value.trim() || null });
          Object.assign(employer, changed);
          input.value = changed.booth || "";
          status.textContent = t("setup.booth_saved");
          const row = input.closest("tr");
          row.dataset.search = searchedText(changed);
          FM.showError(null);
        } catch (error) {
          // The API's word on this booth goes beside it (and follows the language switch).
          const refused = error.status === 422 && error.body.errors && error.body.errors.booth;
          if (refused) status.replaceChildren(FM.fieldMessage(refused));
          else FM.showError(error);
        } finally { save.disabled = false; }
      },
    }, input, save, status);
  }

  onSubmit(employerForm, document.getElementById("employer-error"), async () => {
    const employer = await api("POST", `/api/v1/fairs/${state.fairId}/employers`,
      readForm(employerForm, ["name", "industry", "credit_code", "contact_name", "contact_phone", "booth"]));
    issue("employer", employer.name, employer.token);
    employerForm.reset();
    // Ready for the next employer, unless the organizer has already moved on (typing a kiosk's label).
    const focused = document.activeElement;
    if (!focused || focused === document.body || employerForm.contains(focused)) employerForm.elements.name.focus();
    await loadEmployers();
  });

  document.getElementById("employer-template").addEventListener("click", () =>
    FM.download(`/api/v1/fairs/${state.fairId}/employers/template.xlsx`, "employers-template.xlsx").catch(FM.showError));

  /* A spreadsheet upload form: sends the chosen file to `path` and hands the answer to `done`, which says
     what to show; a refusal is shown row by row (table `errorsId`, under the message `failedKey`). The button stays disabled until all
     is done: a second tap would send the file again (an employers file would meet every name as taken). */
  function sheetUpload(formId, path, errorsId, failedKey, done) {
    const form = document.getElementById(formId);
    const result = form.parentElement.querySelector("[role=status]");
    const input = form.querySelector("input[type=file]");
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (!input.files.length) {
        result.replaceChildren(h("p", { class: "banner banner-error" }, t("employer.choose_file")));
        return;
      }
      const body = new FormData();
      body.append("file", input.files[0]);
      const upload = form.querySelector("button[type=submit]");
      upload.disabled = true;
      try {
        const answer = await api("POST", path(), body);
        input.value = "";
        result.replaceChildren(h("p", { class: "banner banner-ok" }, await done(answer)));
      } catch (error) {
        const rows = (error.status === 422 && error.body.errors) || null;
        if (!rows) { result.replaceChildren(h("p", { class: "banner banner-error" }, FM.errorText(error))); return; }
        result.replaceChildren(h("p", { class: "banner banner-error", dataset: { i18n: failedKey } }, t(failedKey)),
          FM.importErrorsTable(rows, employerFieldLabel, errorsId));
      } finally {
        upload.disabled = false;
      }
    });
  }

  sheetUpload("employer-import-form", () => `/api/v1/fairs/${state.fairId}/employers/import`, "employer-import-errors",
    "setup.import_failed", async (answer) => {
      answer.created.forEach((employer) => issue("employer", employer.name, employer.token));
      revealIssued();
      await loadEmployers();
      return t("setup.import_ok") + answer.created.length;
    });

  document.getElementById("booth-sheet").addEventListener("click", () =>
    FM.download(`/api/v1/fairs/${state.fairId}/employers/booths.xlsx`, "booths.xlsx").catch(FM.showError));

  sheetUpload("booth-import-form", () => `/api/v1/fairs/${state.fairId}/employers/booths`, "booth-import-errors",
    "setup.booths_failed", async (answer) => {
      await loadEmployers();
      return t("setup.booths_ok") + answer.updated.length;
    });

  /* ---- kiosks ---- */
  async function loadKiosks() {
    state.kiosks = await FM.allItems(`/api/v1/fairs/${state.fairId}/kiosks`);
    renderKiosks();
  }

  function renderKiosks() {
    document.getElementById("kiosk-count").textContent = state.kiosks.length;
    const body = document.querySelector("#kiosk-list tbody");
    if (!state.kiosks.length) {
      body.replaceChildren(h("tr", {}, h("td", { colspan: 3, class: "muted" }, t("setup.none_yet"))));
      return;
    }
    body.replaceChildren(...state.kiosks.map((kiosk) => h("tr", { dataset: { kioskId: kiosk.id } },
      h("td", {}, kiosk.label),
      h("td", {}, FM.formatTime(kiosk.created_at)),
      h("td", {}, reissueButton("kiosk", kiosk, kiosk.label)))));
  }

  onSubmit(kioskForm, document.getElementById("kiosk-error"), async () => {
    const label = kioskForm.elements.label.value.trim();
    const count = FM.intOrNull(kioskForm.elements.count.value) ?? 1;
    if (!Number.isInteger(count) || count < 1 || count > MAX_KIOSKS) {
      throw new FM.ApiError(422, { errors: { count: [`Must be greater than or equal to 1 and less than or equal to ${MAX_KIOSKS}.`] } });
    }
    const labels = count === 1 ? [label] : Array.from({ length: count }, (_, index) => `${label} ${index + 1}`);
    try {
      // One by one: each that was created keeps its token on screen even if a later one fails.
      for (const each of labels) {
        const kiosk = await api("POST", `/api/v1/fairs/${state.fairId}/kiosks`, { label: each });
        issue("kiosk", kiosk.label, kiosk.token);
      }
      kioskForm.reset();
      revealIssued();
    } finally {
      await loadKiosks();
    }
  });

  FM.onLang(() => {
    warnIfLocalAddress();
    renderIssued();
    if (state.fairId !== null) { renderEmployers(); renderKiosks(); }
  });

  FM.start("organizer", async (me) => {
    document.getElementById("who").textContent = me.name || "";
    warnIfLocalAddress();
    try {
      state.fairs = FM.items(await api("GET", "/api/v1/fairs"));
      renderFairs();
      if (!state.fairs.length) {
        const title = document.getElementById("fair-title");
        title.dataset.i18n = "setup.no_fairs";
        title.textContent = t("setup.no_fairs");
        showFairForm(true);
        return;
      }
      const wanted = Number(new URLSearchParams(window.location.search).get("fair") || localStorage.getItem(FAIR_KEY));
      await chooseFair(state.fairs.some((fair) => fair.id === wanted) ? wanted : state.fairs[0].id);
    } catch (error) { FM.showError(error); }
  });
})();
