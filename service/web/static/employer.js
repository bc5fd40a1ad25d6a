/* The employer's booth: own postings, each posting's shortlist with interest
   buttons, agreed candidates (contacts revealed), exports and bulk upload. */
"use strict";

(() => {
  const { t, h, api } = FM;
  /* shortlist: the candidates of the list named by shortlistKey (its posting and filter), null while
     that list's first answer is awaited; with more: whether the list goes on past them. agreements: the
     pages of agreements loaded, of agreementsTotal. The asked counters drop an answer a later ask replaced. */
  const state = { fairId: null, employerId: null, postings: [], postingsAsked: 0, shortlist: null, shortlistKey: null,
    shortlistAsked: 0, agreements: [], agreementsTotal: null, agreementsAsked: 0, editing: null, tab: "postings" };
  // The ranked list starts with the best 50; the interested seekers come a page of the API's largest at a time.
  const SHORTLIST_FIRST = 50;
  // A mark refused because the posting was closed (on another device, or by the organizer).
  const MARK_REFUSED = { 409: "employer.posting_closed" };
  const dialog = document.getElementById("posting-dialog");
  const postingForm = document.getElementById("posting-form");
  const picker = document.getElementById("shortlist-posting");

  /* The form's label of a posting field, or the field name when the form has none. */
  function fieldLabel(field) {
    const key = field === "headcount" ? "employer.headcount" : "employer.f_" + field;
    const label = t(key);
    return label === key ? field : label;
  }

  function educationText(code) {
    return code ? t("education." + code) : "";
  }

  /* ---- tabs ---- */
  function openTab(name) {
    state.tab = name;
    document.querySelectorAll(".tab").forEach((tab) => tab.setAttribute("aria-selected", String(tab.dataset.tab === name)));
    document.querySelectorAll(".panel").forEach((panel) => { panel.hidden = panel.id !== "panel-" + name; });
    // The postings' counts move as seekers mark interest at the kiosks: coming back shows the latest.
    if (name === "postings") loadPostings().catch(FM.showError);
    if (name === "shortlist") loadShortlist();
    if (name === "agreements") loadAgreements();
  }
  document.querySelectorAll(".tab").forEach((tab) => tab.addEventListener("click", () => openTab(tab.dataset.tab)));

  /* ---- postings ---- */
  async function loadPostings() {
    const asked = ++state.postingsAsked;
    const postings = await FM.allItems(`/api/v1/fairs/${state.fairId}/postings?employer_id=${state.employerId}`);
    if (asked !== state.postingsAsked) return;  // a later reload (after another mark) shows newer counts
    state.postings = postings;
    renderPostings();
    renderPicker();
  }

  /* "3 人待回复": the seekers interested in a posting whom the booth has not marked yet, or "" when none
     or when the posting is closed (it takes no new marks: they wait for no answer). */
  function awaitingText(posting) {
    const waiting = posting.intent_counts.awaiting_employer;
    return waiting > 0 && posting.status !== "closed" ? t("employer.awaiting").replace("{0}", waiting) : "";
  }

  function intentCounts(posting) {
    const counts = posting.intent_counts;
    const waiting = awaitingText(posting);
    return [waiting ? h("span", { class: "badge badge-waiting" }, waiting) : null,
      h("span", { class: "intent-counts" },
        t("employer.interest_counts").replace("{0}", counts.interested).replace("{1}", counts.agreed))];
  }

  /* What the matcher read of a posting's description for the fields its form left blank, or null. */
  function readFacts(posting) {
    const read = posting.read_from_description;
    if (!read) return null;
    const years = read.experience_min_years == null ? ""
      : t("employer.years_min").replace("{0}", read.experience_min_years);
    const facts = [educationText(read.education_min), years, FM.readPayText(read), read.location].filter(Boolean);
    return facts.length ? h("div", { class: "muted read-from-description" },
      t("employer.read_from_description") + facts.join(" · ")) : null;
  }

  function renderPostings() {
    const list = document.getElementById("postings");
    if (!state.postings.length) {
      list.replaceChildren(h("li", { class: "card muted" }, t("employer.no_postings")));
      return;
    }
    list.replaceChildren(...state.postings.map((posting) => {
      const open = posting.status !== "closed";
      return h("li", { class: "card", dataset: { postingId: posting.id } },
        h("div", { class: "posting-badges" }, h("span", { class: "badge" + (open ? "" : " badge-closed") },
          t(open ? "employer.status_open" : "employer.status_closed")), intentCounts(posting)),
        h("h3", {}, posting.title),
        h("div", { class: "muted posting-facts" },
          // No "negotiable" where the description states the pay the form left blank: the line below says it.
          [t("employer.headcount") + " " + posting.headcount,
            (posting.read_from_description || {}).salary_min != null ? ""
              : FM.salaryText(posting.salary_min, posting.salary_max),
            posting.location, FM.occupationText(posting.occupation)].filter(Boolean).join(" · ")),
        readFacts(posting),
        posting.skills && posting.skills.length ? h("div", {}, posting.skills.join("、")) : null,
        h("div", { class: "actions" },
          h("button", { type: "button", class: "btn btn-small btn-primary", onclick: () => showShortlist(posting.id) },
            t("employer.view_shortlist")),
          h("button", { type: "button", class: "btn btn-small", onclick: () => openDialog(posting) }, t("employer.edit")),
          h("button", { type: "button", class: "btn btn-small" + (open ? " btn-danger" : ""),
            onclick: () => setStatus(posting, open ? "closed" : "open") },
          t(open ? "employer.close" : "employer.reopen"))));
    }));
  }

  async function setStatus(posting, status) {
    try {
      await api("PATCH", `/api/v1/postings/${posting.id}`, { status });
      await loadPostings();
    } catch (error) { FM.showError(error); }
  }

  function clearFieldErrors() {
    postingForm.querySelectorAll(".invalid").forEach((el) => el.classList.remove("invalid"));
    postingForm.querySelectorAll(".field-msg").forEach((el) => el.remove());
    document.getElementById("posting-error").hidden = true;
  }

  // A field the HR person changes is no longer marked wrong.
  postingForm.addEventListener("input", (event) => {
    const holder = event.target.closest(".invalid");
    if (!holder) return;
    holder.classList.remove("invalid");
    holder.querySelectorAll(".field-msg").forEach((el) => el.remove());
  });

  function openDialog(posting) {
    state.editing = posting || null;
    postingForm.reset();
    clearFieldErrors();
    const title = document.getElementById("posting-dialog-title");
    title.dataset.i18n = posting ? "employer.edit_posting" : "employer.new_posting_dialog";  // the button's "+" is not a heading's
    title.textContent = t(title.dataset.i18n);
    if (posting) {
      const fields = postingForm.elements;
      for (const name of ["title", "description", "headcount", "experience_min_years", "salary_min", "salary_max",
        "location", "education_min", "job_type"]) {
        fields[name].value = posting[name] ?? "";
      }
      fields.skills.value = (posting.skills || []).join("，");
    }
    dialog.showModal();
  }

  function readPosting() {
    const fields = postingForm.elements;
    const editing = Boolean(state.editing);
    const payload = {
      title: fields.title.value.trim(),
      description: fields.description.value.trim(),
      skills: FM.splitList(fields.skills.value),
      job_type: fields.job_type.value,
      headcount: FM.intOrNull(fields.headcount.value) ?? 1,
    };
    // Empty optional fields: omitted when creating, cleared (null) when editing.
    for (const name of ["experience_min_years", "salary_min", "salary_max"]) {
      const value = FM.intOrNull(fields[name].value);
      if (value !== null || editing) payload[name] = value;
    }
    for (const name of ["education_min", "location"]) {
      const value = fields[name].value.trim();
      if (value || editing) payload[name] = value || null;
    }
    return payload;
  }

  postingForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const errorLine = document.getElementById("posting-error");
    clearFieldErrors();
    const payload = readPosting();
    const save = document.getElementById("posting-save");
    save.disabled = true;  // a second tap before the answer would post the job twice
    try {
      // Asked here, as the kiosk asks for a name: a blank title met two API messages for one omission.
      if (!payload.title) throw new FM.ApiError(422, { errors: { title: ["Missing data for required field."] } });
      if (state.editing) await api("PATCH", `/api/v1/postings/${state.editing.id}`, payload);
      else {
        const key = FM.requestKey("posting", JSON.stringify(payload));
        await api("POST", `/api/v1/fairs/${state.fairId}/postings`, payload, { "Idempotency-Key": key });
        FM.requestDone("posting");
      }
      dialog.close();
      save.disabled = false;
      await loadPostings();
    } catch (error) {
      save.disabled = false;
      const fieldErrors = (error.body && error.body.errors) || {};
      for (const [name, messages] of Object.entries(fieldErrors)) {
        const holder = postingForm.querySelector(`[data-field="${name}"]`);
        if (!holder) continue;
        holder.classList.add("invalid");
        holder.append(FM.fieldMessage(messages));
      }
      if (Object.keys(fieldErrors).length) {
        errorLine.textContent = t("error.check_fields");
        errorLine.hidden = false;
        const first = postingForm.querySelector(".invalid input, .invalid select, .invalid textarea");
        if (first) first.focus();  // on a short screen the dialog scrolls to it
      } else FM.showErrorIn(errorLine, error);
    }
  });
  document.getElementById("posting-cancel").addEventListener("click", () => dialog.close());
  document.getElementById("new-posting").addEventListener("click", () => openDialog(null));

  /* ---- shortlist ---- */
  function renderPicker() {
    const chosen = picker.value;
    picker.replaceChildren(...state.postings.map((posting) => h("option", { value: posting.id },
      [posting.title + (posting.status === "closed" ? ` (${t("employer.status_closed")})` : ""), awaitingText(posting)]
        .filter(Boolean).join(" · "))));
    if (chosen && state.postings.some((posting) => String(posting.id) === chosen)) picker.value = chosen;
  }

  function showShortlist(postingId) {
    picker.value = String(postingId);
    openTab("shortlist");
  }
  picker.addEventListener("change", () => loadShortlist());
  // Seekers who marked interest may rank below the page: this shows them all, still ranked.
  const onlyInterested = document.getElementById("shortlist-interested");
  onlyInterested.addEventListener("change", () => loadShortlist());
  // Seekers mark interest at the kiosks while the booth is open: one tap shows the latest, and the counts.
  document.getElementById("shortlist-refresh").addEventListener("click", async () => {
    try {
      await Promise.all([loadShortlist(), loadPostings()]);
    } catch (error) { FM.showError(error); }
  });

  /* Up to `rows` candidates of a posting's list from `offset` on, in pages of the API's largest at most,
     and whether the list goes on (its last page was full: the API gives no total of a shortlist). */
  async function shortlistRows(postingId, interested, offset, rows) {
    const results = [];
    let more = true;
    while (more && results.length < rows) {
      const limit = Math.min(FM.PAGE_LIMIT, rows - results.length);
      const page = await api("GET", `/api/v1/postings/${postingId}/shortlist?limit=${limit}`
        + `&offset=${offset + results.length}${interested ? "&interested=true" : ""}`);
      results.push(...page.results);
      more = page.results.length === limit;
    }
    return { posting_id: Number(postingId), results, more };
  }

  async function loadShortlist() {
    const asked = ++state.shortlistAsked;
    if (!picker.value) { renderShortlist(); return; }
    const interested = onlyInterested.checked;
    let rows = interested ? FM.PAGE_LIMIT : SHORTLIST_FIRST;
    const key = picker.value + (interested ? "?interested" : "");
    if (key !== state.shortlistKey) {
      // Another posting or filter: the rows shown are not its candidates, and their buttons would mark
      // them for the posting picked before. A refresh of the same list keeps them until the new one comes.
      state.shortlist = null;
      state.shortlistKey = key;
      renderShortlist();
    } else if (state.shortlist) {
      // A refresh (or the reload after a mark) covers the rows "show more" added, and keeps the one marked in view.
      rows = Math.max(rows, state.shortlist.results.length);
    }
    try {
      const shortlist = await shortlistRows(picker.value, interested, 0, rows);
      if (asked !== state.shortlistAsked) return;  // a later ask (another posting picked meanwhile) shows instead
      state.shortlist = shortlist;
      renderShortlist();
    } catch (error) { FM.showError(error); }
  }

  const shortlistMore = document.getElementById("shortlist-more");
  shortlistMore.addEventListener("click", async () => {
    const asked = ++state.shortlistAsked;
    const shown = state.shortlist;
    const interested = onlyInterested.checked;
    shortlistMore.disabled = true;  // a second tap would ask for the same page again
    try {
      const next = await shortlistRows(shown.posting_id, interested, shown.results.length,
        interested ? FM.PAGE_LIMIT : SHORTLIST_FIRST);
      if (asked !== state.shortlistAsked) return;
      // A seeker who moved up into the rows shown since (ranks change as kiosks register people) is not listed twice.
      const seen = new Set(shown.results.map((item) => item.seeker_id));
      const added = next.results.filter((item) => !seen.has(item.seeker_id));
      state.shortlist = { ...shown, results: shown.results.concat(added), more: next.more };
      renderShortlist();
    } catch (error) {
      shortlistMore.disabled = false;
      FM.showError(error);
    }
  });

  /* "label：value" lines of what a candidate told the kiosk, leaving out what they skipped. */
  function profileText(seeker) {
    const lines = [
      ["kiosk.education", educationText(seeker.education)],
      ["kiosk.experience", seeker.experience_years ?? ""],
      ["kiosk.salary", seeker.salary_expectation ?? ""],
      ["kiosk.desired_titles", (seeker.desired_titles || []).join("、")],
      ["kiosk.skills", (seeker.skills || []).join("、")],
      ["kiosk.locations", (seeker.locations || []).join("、")],
    ];
    return lines.filter(([, value]) => value !== "").map(([key, value]) => t(key) + t("colon") + value);
  }

  function renderShortlist() {
    const body = document.querySelector("#shortlist tbody");
    // A closed posting takes no new marks: its unmarked rows' buttons are off, and a note says why.
    const closed = state.postings.some((posting) => String(posting.id) === picker.value && posting.status === "closed");
    document.getElementById("shortlist-closed").hidden = !closed;
    shortlistMore.hidden = !(picker.value && state.shortlist && state.shortlist.more);
    shortlistMore.disabled = false;
    if (picker.value && !state.shortlist) {
      body.replaceChildren(h("tr", {}, h("td", { colspan: 6, class: "muted" }, t("loading"))));
      return;
    }
    const results = (state.shortlist && String(state.shortlist.posting_id) === picker.value && state.shortlist.results) || [];
    if (!results.length) {
      const empty = onlyInterested.checked ? "employer.no_interested" : "employer.no_candidates";
      body.replaceChildren(h("tr", {}, h("td", { colspan: 6, class: "muted" }, t(empty))));
      return;
    }
    // Drawn anew, the rows would lose the focus: it goes back to the mark of the row that had it.
    const focusedRow = document.activeElement && document.activeElement.closest("#shortlist tr[data-seeker-id]");
    body.replaceChildren(...results.map((item) => {
      const seeker = item.seeker || {};
      const intent = item.intent || {};
      const revealed = Boolean(seeker.name);
      const percent = Math.round((item.score || 0) * 100);
      return h("tr", { dataset: { seekerId: item.seeker_id } },
        h("td", { class: "num" }, item.rank),
        h("td", { class: "score" }, h("span", { class: "scorebar" }, h("i", { style: `width:${percent}%` })), percent + "%"),
        h("td", { class: revealed ? "contact-revealed" : "" },
          h("div", { class: "candidate-name" }, revealed ? seeker.name : seeker.masked_name),
          h("div", { class: "candidate-phone" }, revealed ? seeker.phone : seeker.masked_phone)),
        h("td", {}, profileText(seeker).map((line) => h("div", {}, line))),
        h("td", {}, h("ul", { class: "reason-list" },
          (item.reasons || []).map((reason) => reason.text && (reason.text[FM.lang] || reason.text.zh))
            .filter(Boolean).map((text) => h("li", {}, text)))),
        h("td", {},
          intent.agreed ? h("div", {}, h("span", { class: "badge badge-ok" }, t("employer.agreed")))
            : intent.seeker_interested ? h("div", {}, h("span", { class: "badge" }, t("employer.seeker_interested"))) : null,
          h("button", {
            type: "button", class: "btn btn-small mark " + (intent.employer_interested ? "btn-on" : "btn-primary"),
            "aria-pressed": intent.employer_interested ? "true" : "false",
            disabled: closed && !intent.employer_interested,
            onclick: (event) => toggleInterest(item, event.currentTarget),
          }, t(intent.employer_interested ? "employer.marked" : "employer.mark"))));
    }));
    if (focusedRow) {
      const again = body.querySelector(`tr[data-seeker-id="${focusedRow.dataset.seekerId}"] button.mark`);
      if (again) again.focus();
    }
  }

  /* A candidate's row again, in place: one row asked for, not the whole list ranked again (a shortlist
     is the booth's dearest request). */
  async function reloadRow(item) {
    const shown = state.shortlist;
    const page = await api("GET", `/api/v1/postings/${shown.posting_id}/shortlist?seeker_id=${item.seeker_id}`);
    if (state.shortlist !== shown) return;  // another list, or a refresh, came since: it is newer
    const [fresh] = page.results;
    if (!fresh) { await loadShortlist(); return; }  // erased since: the list goes on without them
    Object.assign(item, { score: fresh.score, reasons: fresh.reasons, seeker: fresh.seeker, intent: fresh.intent });
    renderShortlist();
  }

  async function toggleInterest(item, button) {
    button.disabled = true;
    const want = !(item.intent && item.intent.employer_interested);
    const wasAgreed = Boolean(item.intent && item.intent.agreed);
    try {
      item.intent = await api(want ? "PUT" : "DELETE",
        `/api/v1/postings/${state.shortlist.posting_id}/intents/${item.seeker_id}`);
      FM.showError(null);  // an earlier failure, now retried, is no longer the news
      renderShortlist();  // the mark as recorded, even if the reload below fails
      // An agreement made or undone reveals or hides the contact, which only the server may do: then
      // the row comes again; the posting's counts moved.
      await Promise.all([wasAgreed !== item.intent.agreed ? reloadRow(item) : null, loadPostings()]);
      // The row was drawn again: keep the focus on its button, not lost to the page; unless the booth has
      // moved on meanwhile (marking the next seeker), whose focus the redrawing kept.
      const again = document.querySelector(`#shortlist tr[data-seeker-id="${item.seeker_id}"] button.mark`);
      const focused = document.activeElement;
      if (again && (!focused || focused === document.body)) again.focus();
    } catch (error) {
      button.disabled = false;
      FM.showError(error, MARK_REFUSED[error.status]);
      // Closed since the list was drawn: the booth learns it, so the rows' buttons show it (should
      // that reload fail, the message above still says why the mark was refused).
      if (error.status === 409) loadPostings().then(renderShortlist, () => {});
    }
  }

  /* ---- agreements: newest first, a page of the API's largest at a time, of the total it gives ---- */
  const agreementsMore = document.getElementById("agreements-more");

  function agreementsPage(offset) {
    return api("GET", `/api/v1/fairs/${state.fairId}/agreements?limit=${FM.PAGE_LIMIT}&offset=${offset}`);
  }

  async function loadAgreements() {
    const asked = ++state.agreementsAsked;
    try {
      const page = await agreementsPage(0);
      if (asked !== state.agreementsAsked) return;
      state.agreements = FM.items(page);
      state.agreementsTotal = page.total ?? state.agreements.length;
      renderAgreements();
    } catch (error) { FM.showError(error); }
  }

  agreementsMore.addEventListener("click", async () => {
    const asked = ++state.agreementsAsked;
    const shown = state.agreements;
    agreementsMore.disabled = true;
    try {
      const page = await agreementsPage(shown.length);
      if (asked !== state.agreementsAsked) return;
      // An agreement made since the first page pushes the others down one: it is not listed twice.
      const pair = (agreement) => agreement.posting_id + ":" + agreement.seeker_id;
      const seen = new Set(shown.map(pair));
      const added = FM.items(page).filter((agreement) => !seen.has(pair(agreement)));
      state.agreements = shown.concat(added);
      // Nothing new (the list shrank since): no button that would ask for nothing again.
      state.agreementsTotal = added.length ? page.total ?? state.agreements.length : state.agreements.length;
      renderAgreements();
    } catch (error) {
      agreementsMore.disabled = false;
      FM.showError(error);
    }
  });

  function renderAgreements() {
    const body = document.querySelector("#agreements tbody");
    const shown = state.agreements.length, total = state.agreementsTotal;
    agreementsMore.hidden = !(total > shown);
    agreementsMore.disabled = false;
    const count = document.getElementById("agreements-count");
    count.textContent = total === null ? "" : (total > shown ? t("employer.agreements_shown") : t("employer.agreements_total"))
      .replace("{0}", shown).replace("{1}", total);
    if (!state.agreements.length) {
      body.replaceChildren(h("tr", {}, h("td", { colspan: 5, class: "muted" }, t("employer.no_agreements"))));
      return;
    }
    body.replaceChildren(...state.agreements.map((agreement) => {
      const seeker = agreement.seeker || {};
      return h("tr", {},
        h("td", {}, FM.formatTime(agreement.agreed_at)),
        h("td", {}, (agreement.posting && agreement.posting.title) || ""),
        h("td", { class: "contact-revealed" }, seeker.name || ""),
        h("td", { class: "contact-revealed" }, seeker.phone || ""),
        h("td", {}, profileText(seeker).join(" · ")));
    }));
  }

  /* ---- exports ---- */
  async function exportFile(path, fallbackName) {
    try { await FM.download(path, fallbackName); } catch (error) { FM.showError(error); }
  }
  document.getElementById("shortlist-csv").addEventListener("click",
    () => picker.value && exportFile(`/api/v1/postings/${picker.value}/shortlist.csv`, "shortlist.csv"));
  document.getElementById("shortlist-xlsx").addEventListener("click",
    () => picker.value && exportFile(`/api/v1/postings/${picker.value}/shortlist.xlsx`, "shortlist.xlsx"));
  document.getElementById("agreements-csv").addEventListener("click",
    () => exportFile(`/api/v1/fairs/${state.fairId}/agreements.csv`, "agreements.csv"));
  document.getElementById("agreements-xlsx").addEventListener("click",
    () => exportFile(`/api/v1/fairs/${state.fairId}/agreements.xlsx`, "agreements.xlsx"));

  /* ---- bulk upload ---- */
  document.getElementById("download-template").addEventListener("click",
    () => exportFile(`/api/v1/fairs/${state.fairId}/postings/template.xlsx`, "postings-template.xlsx"));

  document.getElementById("import-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const result = document.getElementById("import-result");
    const input = document.getElementById("import-file");
    if (!input.files.length) {
      result.replaceChildren(h("p", { class: "banner banner-error" }, t("employer.choose_file")));
      return;
    }
    const file = input.files[0];
    const body = new FormData();
    body.append("file", file);
    const upload = event.target.querySelector("button[type=submit]");
    upload.disabled = true;  // a second tap before the answer would import the file twice
    try {
      const key = FM.requestKey("import", [file.name, file.size, file.lastModified].join("|"));
      const created = await api("POST", `/api/v1/fairs/${state.fairId}/postings/import`, body,
        { "Idempotency-Key": key });
      FM.requestDone("import");
      result.replaceChildren(h("p", { class: "banner banner-ok" }, t("employer.import_ok") + created.created.length));
      input.value = "";
      await loadPostings();
    } catch (error) {
      const rows = (error.status === 422 && error.body.errors) || null;
      if (!rows) { result.replaceChildren(h("p", { class: "banner banner-error" }, FM.errorText(error))); return; }
      result.replaceChildren(h("p", { class: "banner banner-error" }, t("employer.import_failed")),
        FM.importErrorsTable(rows, fieldLabel, "import-errors"));
    } finally {
      upload.disabled = false;
    }
  });

  FM.onLang(() => {
    renderPostings();
    renderPicker();
    if (state.tab === "shortlist") renderShortlist();
    if (state.tab === "agreements") renderAgreements();
  });

  FM.start("employer", async (me) => {
    state.fairId = me.fair_id;
    state.employerId = me.id;  // /me answers with the principal: an employer's own id
    document.getElementById("who").replaceChildren(me.name || "",
      me.booth ? h("span", { class: "booth-tag" }, t("booth").replace("{0}", me.booth)) : "");
    try {
      await loadPostings();
    } catch (error) { FM.showError(error); }
  });
})();
