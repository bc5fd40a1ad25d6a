/* The seeker kiosk: phone first (to resume a known profile), then the form,
   then recommendations with an interest button each. Clears itself when idle. */
"use strict";

(() => {
  const { t, h, api } = FM;
  const idleSeconds = Number(document.getElementById("kiosk-script").dataset.idleSeconds) || 90;
  const warnSeconds = Math.min(15, Math.ceil(idleSeconds / 3));
  const PHONE = /^1[3-9]\d{9}$/;
  const COMMON_TITLES = [
    ["普工", "Factory worker"], ["电工", "Electrician"], ["焊工", "Welder"], ["司机", "Driver"],
    ["厨师", "Cook"], ["保安", "Security guard"], ["销售", "Sales"], ["客服", "Customer service"],
    ["仓管", "Warehouse keeper"], ["会计", "Accountant"], ["服务员", "Waiter"], ["保洁", "Cleaner"],
  ];

  const screens = ["welcome-screen", "form-screen", "result-screen"];
  const form = document.getElementById("seeker-form");
  const phoneForm = document.getElementById("phone-form");
  const overlay = document.getElementById("idle-overlay");
  const state = { me: null, seeker: null, existing: false, recommendations: [], lastActivity: Date.now() };

  function show(id) {
    screens.forEach((screen) => { document.getElementById(screen).hidden = screen !== id; });
    window.scrollTo(0, 0);
    idleTick();
  }

  function currentScreen() {
    return screens.find((screen) => !document.getElementById(screen).hidden);
  }

  /* ---- idle reset ---- */
  function touch() {
    state.lastActivity = Date.now();
    overlay.hidden = true;
  }

  function idleTick() {
    const busy = currentScreen() !== "welcome-screen" || phoneForm.elements.phone.value !== "";
    const footer = document.getElementById("idle-footer");
    footer.hidden = !busy;
    if (!busy) return;
    const left = Math.max(0, idleSeconds - Math.floor((Date.now() - state.lastActivity) / 1000));
    document.getElementById("idle-left").textContent = left;
    document.getElementById("idle-seconds").textContent = left;
    overlay.hidden = left > warnSeconds;
    if (left === 0) resetForNextPerson();
  }

  function resetForNextPerson() {
    form.reset();
    phoneForm.reset();
    clearFieldErrors();
    document.getElementById("recommendations").replaceChildren();
    document.getElementById("start-phone-error").hidden = true;
    FM.showError(null);
    Object.assign(state, { seeker: null, existing: false, recommendations: [] });
    FM.setLang("zh");
    touch();
    show("welcome-screen");
  }

  // A field the person changes is no longer marked wrong.
  form.addEventListener("input", (event) => {
    const holder = event.target.closest(".invalid");
    if (!holder) return;
    holder.classList.remove("invalid");
    holder.querySelectorAll(".field-msg").forEach((el) => el.remove());
    // The summary line goes with the last marked field, so it never points at nothing.
    if (!form.querySelector(".invalid")) document.getElementById("form-error").hidden = true;
  });

  ["pointerdown", "keydown", "input", "touchstart"].forEach((type) => {
    document.addEventListener(type, touch, { passive: true, capture: true });
  });

  /* ---- welcome: phone lookup ---- */
  phoneForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const phone = phoneForm.elements.phone.value.trim();
    const errorLine = document.getElementById("start-phone-error");
    errorLine.hidden = PHONE.test(phone);
    if (!errorLine.hidden) return;
    FM.showError(null);
    // A second tap before the answer would open the form again, clearing what was typed meanwhile.
    const next = phoneForm.querySelector("button[type=submit]");
    next.disabled = true;
    let found = null;
    try {
      found = await api("POST", `/api/v1/fairs/${state.me.fair_id}/seekers/lookup`, { phone });
    } catch (error) {
      if (error.status !== 404) { FM.showError(error); return; }
    } finally {
      next.disabled = false;
    }
    openForm(found, phone);
  });

  function openForm(seeker, phone) {
    form.reset();
    clearFieldErrors();
    state.existing = Boolean(seeker);
    const note = document.getElementById("profile-note");
    note.dataset.i18n = seeker ? "kiosk.welcome_back" : "kiosk.new_profile";
    note.textContent = t(note.dataset.i18n);
    const fields = form.elements;
    fields.phone.value = phone;
    if (seeker) {
      fields.name.value = seeker.name || "";
      fields.desired_titles.value = (seeker.desired_titles || []).join("，");
      fields.skills.value = (seeker.skills || []).join("，");
      fields.education.value = seeker.education || "";
      fields.experience_years.value = seeker.experience_years ?? "";
      fields.salary_expectation.value = seeker.salary_expectation ?? "";
      fields.locations.value = (seeker.locations || []).join("，");
      fields.resume_text.value = seeker.resume_text || "";
      fields.consent.checked = Boolean(seeker.consent);
    }
    show("form-screen");
    fields.name.focus();
  }

  function renderChips() {
    const box = document.getElementById("title-chips");
    box.replaceChildren(...COMMON_TITLES.map(([zh, en]) => {
      const label = FM.lang === "en" ? en : zh;
      return h("button", {
        type: "button", class: "chip",
        onclick: () => {
          const input = form.elements.desired_titles;
          const titles = FM.splitList(input.value);
          if (!titles.includes(label)) titles.push(label);
          input.value = titles.join(FM.lang === "en" ? ", " : "，");
        },
      }, "+ " + label);
    }));
  }

  /* ---- the form ---- */
  function clearFieldErrors() {
    form.querySelectorAll(".invalid").forEach((el) => el.classList.remove("invalid"));
    form.querySelectorAll(".field-msg").forEach((el) => el.remove());
    document.getElementById("form-error").hidden = true;
  }

  /* Mark a field wrong with the page's own message (a string table key) or the API's (an element). */
  function markField(name, message) {
    const holder = form.querySelector(`[data-field="${name}"]`);
    if (!holder) return false;
    holder.classList.add("invalid");
    holder.append(message instanceof Node ? message
      : h("span", { class: "field-msg", dataset: { i18n: message } }, t(message)));
    return true;
  }

  function readForm() {
    const fields = form.elements;
    const payload = {
      name: fields.name.value.trim(),
      phone: fields.phone.value.trim(),
      consent: fields.consent.checked,
      desired_titles: FM.splitList(fields.desired_titles.value),
      skills: FM.splitList(fields.skills.value),
      locations: FM.splitList(fields.locations.value),
      resume_text: fields.resume_text.value.trim(),
    };
    if (fields.education.value) payload.education = fields.education.value;
    for (const name of ["experience_years", "salary_expectation"]) {
      const value = FM.intOrNull(fields[name].value);
      if (value !== null) payload[name] = value;
    }
    return payload;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearFieldErrors();
    const payload = readForm();
    const problems = [];
    if (!payload.name) problems.push(["name", "kiosk.required"]);
    if (!PHONE.test(payload.phone)) problems.push(["phone", "kiosk.phone_invalid"]);
    if (!payload.consent) problems.push(["consent", "kiosk.consent_required"]);
    problems.forEach(([name, key]) => markField(name, key));
    const formError = document.getElementById("form-error");
    if (problems.length) {
      formError.dataset.i18n = "error.check_fields";
      formError.textContent = t(formError.dataset.i18n);
      formError.hidden = false;
      return;
    }
    const button = document.getElementById("submit-seeker");
    button.disabled = true;
    button.textContent = t("kiosk.submitting");
    try {
      state.seeker = await api("POST", `/api/v1/fairs/${state.me.fair_id}/seekers`, payload);
      showResult();
    } catch (error) {
      const errors = (error.body && error.body.errors) || {};
      const fieldErrors = errors.json || errors;  // flask-smorest may nest by location
      const marked = Object.entries(fieldErrors).filter(([name, messages]) => markField(name, FM.fieldMessage(messages)));
      if (marked.length) {
        formError.dataset.i18n = "error.check_fields";
        formError.textContent = t(formError.dataset.i18n);
        formError.hidden = false;
      } else FM.showErrorIn(formError, error);
    } finally {
      button.disabled = false;
      button.textContent = t("kiosk.submit");
    }
  });

  /* ---- result: confirmation and recommendations ---- */
  async function showResult() {
    const title = document.getElementById("confirm-title");
    title.dataset.i18n = state.existing ? "kiosk.saved_updated" : "kiosk.saved_new";
    title.textContent = t(title.dataset.i18n);
    show("result-screen");
    title.focus();  // the form (and its focused button) is gone: a screen reader reads the outcome
    const list = document.getElementById("recommendations");
    list.replaceChildren(h("li", { class: "muted" }, t("loading")));
    try {
      const data = await api("GET", `/api/v1/seekers/${state.seeker.id}/recommendations?limit=10`);
      state.recommendations = data.results || [];
      renderRecommendations();
    } catch (error) {
      list.replaceChildren();
      FM.showError(error);
    }
  }

  function reasonText(reason) {
    return reason.text ? (reason.text[FM.lang] || reason.text.zh) : "";
  }

  /* A seeker reads the few parts that carried the match most, in the matcher's order;
     a part that scored (almost) nothing is no reason to apply. */
  function strongestReasons(reasons, count = 4) {
    const weightOf = (reason) => (reason.score || 0) * (reason.weight || 0);
    const useful = reasons.filter((reason) => (reason.score || 0) >= 0.1);
    const strongest = new Set([...useful].sort((a, b) => weightOf(b) - weightOf(a)).slice(0, count));
    return reasons.filter((reason) => strongest.has(reason));
  }

  function employerName(posting) {
    return posting.employer_name || (posting.employer && posting.employer.name) || "";
  }

  function renderRecommendations() {
    const list = document.getElementById("recommendations");
    if (!state.recommendations.length) {
      list.replaceChildren(h("li", { class: "card muted" }, t("kiosk.no_recommendations")));
      return;
    }
    list.replaceChildren(...state.recommendations.map((item) => {
      const posting = item.posting || {};
      const intent = item.intent || {};
      const interested = Boolean(intent.seeker_interested);
      const reasons = strongestReasons(item.reasons || []).map(reasonText).filter(Boolean);
      return h("li", { class: "card rec" + (interested ? " is-interested" : ""), dataset: { postingId: item.posting_id } },
        h("div", { class: "rec-head" },
          h("div", {},
            h("h3", { class: "rec-title" }, posting.title || ""),
            h("p", { class: "rec-employer" }, employerName(posting))),
          h("div", { class: "score-badge", title: t("score") },
            h("strong", {}, Math.round((item.score || 0) * 100) + "%"), h("span", {}, t("score")))),
        h("p", { class: "rec-facts" },
          h("span", {}, t("kiosk.salary_range") + t("colon") + FM.salaryText(posting.salary_min, posting.salary_max)),
          posting.location ? h("span", {}, t("employer.f_location") + t("colon") + posting.location) : null),
        reasons.length ? h("div", { class: "reasons" },
          h("h4", {}, t("kiosk.why")),
          h("ul", {}, reasons.map((text) => h("li", {}, text)))) : null,
        intent.agreed ? h("p", { class: "banner banner-ok" }, t("kiosk.agreed")) : null,
        h("button", {
          type: "button", class: "btn btn-big btn-block interest " + (interested ? "btn-on" : "btn-primary"),
          "aria-pressed": interested ? "true" : "false",
          onclick: (event) => toggleInterest(item, event.currentTarget),
        }, interested ? t("kiosk.interested_on") : t("kiosk.interested")));
    }));
  }

  async function toggleInterest(item, button) {
    button.disabled = true;
    const want = !(item.intent && item.intent.seeker_interested);
    try {
      item.intent = await api(want ? "PUT" : "DELETE", `/api/v1/postings/${item.posting_id}/intents/${state.seeker.id}`);
      renderRecommendations();
      // The tapped button was drawn again: keep the focus on it, not lost to the page.
      const again = document.querySelector(`#recommendations li[data-posting-id="${item.posting_id}"] button.interest`);
      if (again) again.focus();
    } catch (error) {
      button.disabled = false;
      FM.showError(error);
    }
  }

  document.getElementById("edit-profile").addEventListener("click", () => openForm(state.seeker, state.seeker.phone));
  document.getElementById("done").addEventListener("click", resetForNextPerson);
  document.getElementById("idle-continue").addEventListener("click", touch);

  FM.onLang(() => {
    renderChips();
    if (currentScreen() === "result-screen") renderRecommendations();
  });

  FM.start("kiosk", async (me) => {
    state.me = me;
    try {
      const fair = await api("GET", `/api/v1/fairs/${me.fair_id}`);
      document.getElementById("fair-name").textContent = fair.name;
    } catch (error) {
      FM.showError(error);
    }
    renderChips();
    resetForNextPerson();
    setInterval(idleTick, 1000);
  });
})();
