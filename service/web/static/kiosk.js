/* The seeker kiosk: phone first (to resume a known profile), then the form, then the
   seeker's own marks ("my interests", with the employers' answers) and recommendations,
   each with an interest button. Clears itself when idle. */
"use strict";

(() => {
  const { t, h, api } = FM;
  const idleSeconds = Number(document.getElementById("kiosk-script").dataset.idleSeconds) || 90;
  const warnSeconds = Math.min(15, Math.ceil(idleSeconds / 3));
  const PHONE = /^1[3-9]\d{9}$/;
  /* A number as people say and type it, 139 1234 5678 or +86 139-1234-5678, as its 11 digits (the API
     reads it the same way; full-width digits from a Chinese input method too). */
  function phoneDigits(text) {
    const digits = String(text).normalize("NFKC").replace(/[\s\-()]/g, "");
    const national = /^(?:\+86|0086|86)(\d{11})$/.exec(digits);
    return national ? national[1] : digits;
  }
  // A mark refused because the employer closed the posting since the list was drawn.
  const MARK_REFUSED = { 409: "kiosk.posting_closed" };
  const COMMON_TITLES = [
    ["普工", "Factory worker"], ["电工", "Electrician"], ["焊工", "Welder"], ["司机", "Driver"],
    ["厨师", "Cook"], ["保安", "Security guard"], ["销售", "Sales"], ["客服", "Customer service"],
    ["仓管", "Warehouse keeper"], ["会计", "Accountant"], ["服务员", "Waiter"], ["保洁", "Cleaner"],
  ];

  const screens = ["welcome-screen", "form-screen", "result-screen"];
  const form = document.getElementById("seeker-form");
  const phoneForm = document.getElementById("phone-form");
  const overlay = document.getElementById("idle-overlay");
  /* intents: the pair's intent per posting id, whichever list shows the posting, so the lists never
     disagree; marked: the postings of "my interests", in the order shown; pending: posting ids
     with a mark under way; visit: counts the result pages shown, so an answer meant for an
     earlier one (or an earlier person) is dropped. */
  const state = {
    me: null, seeker: null, existing: false, recommendations: [], intents: new Map(), marked: [],
    pending: new Set(), visit: 0, lastActivity: Date.now(), search: "", more: false, listing: 0,
  };
  /* search: the words the list below was searched for ("" for the recommendations); more: whether
     it goes on; listing: counts the lists asked for, so an answer for one replaced since is dropped. */
  const PAGE = 10;
  const searchForm = document.getElementById("job-search");
  const moreButton = document.getElementById("recommendations-more");

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
    document.getElementById("my-interests").replaceChildren();
    searchForm.reset();
    moreButton.hidden = true;
    document.getElementById("start-phone-error").hidden = true;
    FM.showError(null);
    Object.assign(state, {
      seeker: null, existing: false, recommendations: [], intents: new Map(), marked: [], pending: new Set(),
      visit: state.visit + 1, search: "", more: false,
    });
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
    const phone = phoneDigits(phoneForm.elements.phone.value);
    const errorLine = document.getElementById("start-phone-error");
    errorLine.hidden = PHONE.test(phone);
    if (!errorLine.hidden) return;
    FM.showError(null);
    // A second tap before the answer would open the form again, clearing what was typed meanwhile.
    const next = phoneForm.querySelector("button[type=submit]");
    next.disabled = true;
    let found = null;
    try {
      // A lookup only reads: safe to send again after a 503.
      found = await api("POST", `/api/v1/fairs/${state.me.fair_id}/seekers/lookup`, { phone }, {}, { repeatable: true });
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
    // The same trades search the fair's jobs in one tap: typing Chinese on a kiosk is slow for many.
    // The Chinese word is searched whatever the page's language: the postings are written in Chinese.
    document.getElementById("search-chips").replaceChildren(...COMMON_TITLES.map(([zh, en]) => h("button", {
      type: "button", class: "chip",
      onclick: () => {
        searchForm.elements.q.value = zh;
        state.search = zh;
        loadList(false);
      },
    }, FM.lang === "en" ? en : zh)));
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

  /* On a phone the submit button is far below most fields: take the volunteer to the first one to fix. */
  function focusFirstInvalid() {
    const field = form.querySelector(".invalid input, .invalid select, .invalid textarea");
    if (field) field.focus();
  }

  function readForm() {
    const fields = form.elements;
    const payload = {
      name: fields.name.value.trim(),
      phone: phoneDigits(fields.phone.value),
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
      focusFirstInvalid();
      return;
    }
    const button = document.getElementById("submit-seeker");
    button.disabled = true;
    button.textContent = t("kiosk.submitting");
    try {
      // The same phone again updates the same seeker: safe to send again after a 503.
      state.seeker = await api("POST", `/api/v1/fairs/${state.me.fair_id}/seekers`, payload, {}, { repeatable: true });
      showResult();
    } catch (error) {
      const errors = (error.body && error.body.errors) || {};
      const fieldErrors = errors.json || errors;  // flask-smorest may nest by location
      const marked = Object.entries(fieldErrors).filter(([name, messages]) => markField(name, FM.fieldMessage(messages)));
      if (marked.length) {
        formError.dataset.i18n = "error.check_fields";
        formError.textContent = t(formError.dataset.i18n);
        formError.hidden = false;
        focusFirstInvalid();
      } else FM.showErrorIn(formError, error);
    } finally {
      button.disabled = false;
      button.textContent = t("kiosk.submit");
    }
  });

  /* ---- result: confirmation, the seeker's marks and recommendations ---- */
  async function showResult() {
    const title = document.getElementById("confirm-title");
    title.dataset.i18n = state.existing ? "kiosk.saved_updated" : "kiosk.saved_new";
    title.textContent = t(title.dataset.i18n);
    show("result-screen");
    title.focus();  // the form (and its focused button) is gone: a screen reader reads the outcome
    state.visit += 1;
    const visit = state.visit;
    Object.assign(state, { recommendations: [], intents: new Map(), marked: [], pending: new Set(), search: "",
                           more: false, listing: state.listing + 1 });
    searchForm.reset();
    const lists = ["my-interests", "recommendations"].map((id) => document.getElementById(id));
    lists.forEach((list) => list.replaceChildren(h("li", { class: "muted" }, t("loading"))));
    moreButton.hidden = true;
    const seekerId = state.seeker.id;
    try {
      const [ranked, marked] = await Promise.all([
        rankedPage(0),
        api("GET", `/api/v1/seekers/${seekerId}/intents`),
      ]);
      if (visit !== state.visit) return;  // the person moved on meanwhile
      keepPage(ranked, false);
      // Agreements first: they are what a returning seeker comes back for.
      const mine = [...(marked.results || [])].sort((a, b) => Number(b.agreed) - Number(a.agreed));
      state.marked = mine.map((item) => item.posting);
      mine.forEach(({ posting, ...intent }) => state.intents.set(posting.id, intent));
      renderResults();
    } catch (error) {
      if (visit !== state.visit) return;
      lists.forEach((list) => list.replaceChildren());
      FM.showError(error);
    }
  }

  /* A page of the list below: the seeker's recommendations, or the postings the search found, ranked
     for the seeker. One more than shown is asked for, to know whether the list goes on. */
  function rankedPage(offset) {
    const query = new URLSearchParams({ limit: PAGE + 1, offset });
    if (state.search) query.set("q", state.search);
    return api("GET", `/api/v1/seekers/${state.seeker.id}/recommendations?${query}`);
  }

  /* Show a page: in place of the list, or after it (a posting already shown, moved down by one
     added meanwhile, is not listed twice). Its intents are current, except where a mark is under way. */
  function keepPage(page, append) {
    const results = (page.results || []).slice(0, PAGE);
    const shown = new Set(append ? state.recommendations.map((item) => item.posting_id) : []);
    const added = results.filter((item) => !shown.has(item.posting_id));
    state.recommendations = append ? state.recommendations.concat(added) : added;
    state.more = (page.results || []).length > PAGE;
    added.forEach((item) => { if (!state.pending.has(item.posting_id)) state.intents.set(item.posting_id, item.intent); });
  }

  /* The list again, from its first page (a new search, or the search cleared), or its next page. */
  async function loadList(append) {
    const visit = state.visit;
    const listing = append ? state.listing : ++state.listing;
    const list = document.getElementById("recommendations");
    if (append) {
      moreButton.disabled = true;
      moreButton.textContent = t("loading");
    } else {
      list.replaceChildren(h("li", { class: "muted" }, t("loading")));
      moreButton.hidden = true;
      renderSearchSummary();
    }
    try {
      const page = await rankedPage(append ? state.recommendations.length : 0);
      if (visit !== state.visit || listing !== state.listing) return;  // replaced meanwhile
      FM.showError(null);
      keepPage(page, append);
      renderRecommendations();
    } catch (error) {
      if (visit !== state.visit || listing !== state.listing) return;
      if (!append) list.replaceChildren();
      FM.showError(error);
    } finally {
      if (visit === state.visit && listing === state.listing) {
        moreButton.disabled = false;
        moreButton.textContent = t("kiosk.more_jobs");
      }
    }
  }

  searchForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const words = searchForm.elements.q.value.trim().replace(/\s+/g, " ");
    if (!state.seeker || (words === state.search && !words)) return;
    state.search = words;
    loadList(false);
  });

  document.getElementById("search-clear").addEventListener("click", () => {
    searchForm.reset();
    state.search = "";
    loadList(false);
    searchForm.elements.q.focus();
  });

  moreButton.addEventListener("click", () => loadList(true));

  function renderSearchSummary() {
    const title = document.getElementById("recommendations-title");
    title.dataset.i18n = state.search ? "kiosk.search_results" : "kiosk.recommendations";
    title.textContent = t(title.dataset.i18n);
    document.getElementById("search-summary").hidden = !state.search;
    document.getElementById("search-summary-text").textContent = t("kiosk.search_summary").replace("{0}", state.search);
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

  function intentOf(postingId) {
    return state.intents.get(postingId) || {};
  }

  function postingOf(postingId) {
    const ranked = state.recommendations.find((item) => item.posting_id === postingId);
    return ranked ? ranked.posting : state.marked.find((posting) => posting.id === postingId);
  }

  /* Title and employer, with something beside them (the match score, or where a mark stands). */
  function postingHead(posting, aside) {
    return h("div", { class: "rec-head" },
      h("div", {},
        h("h3", { class: "rec-title" }, posting.title || ""),
        h("p", { class: "rec-employer" }, employerName(posting),
          posting.employer_booth ? h("span", { class: "booth-tag" }, t("booth").replace("{0}", posting.employer_booth))
            : null)),
      aside);
  }

  /* Pay and place as the form gives them, else as the description states them (marked so), else 面议. */
  function postingFacts(posting) {
    const read = posting.read_from_description || {};
    const pay = read.salary_min == null ? FM.salaryText(posting.salary_min, posting.salary_max)
      : FM.readPayText(read) + t("from_description");
    const place = posting.location || (read.location ? read.location + t("from_description") : "");
    return h("p", { class: "rec-facts" },
      h("span", {}, t("kiosk.salary_range") + t("colon") + pay),
      place ? h("span", {}, t("employer.f_location") + t("colon") + place) : null);
  }

  /* What the seeker does next once both sides are interested. */
  function agreedBanner(posting) {
    const text = posting.employer_booth
      ? t("kiosk.agreed_at_booth").replace("{1}", posting.employer_booth)
      : t("kiosk.agreed");
    return h("p", { class: "banner banner-ok" }, text.replace("{0}", employerName(posting)));
  }

  function interestButton(postingId, listId) {
    const interested = Boolean(intentOf(postingId).seeker_interested);
    // A closed posting takes no new mark (the server refuses it); one made before can still be withdrawn.
    const closed = !interested && (postingOf(postingId) || {}).status === "closed";
    return h("button", {
      type: "button", class: "btn btn-big btn-block interest " + (interested ? "btn-on" : "btn-primary"),
      "aria-pressed": interested ? "true" : "false", disabled: state.pending.has(postingId) || closed,
      onclick: () => toggleInterest(postingId, listId),
    }, interested ? t("kiosk.interested_on") : t("kiosk.interested"));
  }

  /* Where one of the seeker's marks stands: a string key and a badge style. */
  function markStatus(posting, intent) {
    if (!intent.seeker_interested) return ["kiosk.status_withdrawn", "badge-closed"];
    if (intent.agreed) return ["kiosk.status_agreed", "badge-ok"];
    if (posting.status === "closed") return ["kiosk.status_closed", "badge-closed"];
    return ["kiosk.status_waiting", ""];
  }

  function renderMine() {
    const list = document.getElementById("my-interests");
    if (!state.marked.length) {
      list.replaceChildren(h("li", { class: "muted" }, t("kiosk.no_interests")));
      return;
    }
    list.replaceChildren(...state.marked.map((posting) => {
      const intent = intentOf(posting.id);
      const [status, badge] = markStatus(posting, intent);
      return h("li", {
        class: "card rec mine" + (intent.seeker_interested ? " is-interested" : ""),
        dataset: { postingId: posting.id, status: status.slice("kiosk.status_".length) },
      },
        postingHead(posting, h("span", { class: "badge " + badge }, t(status))),
        postingFacts(posting),
        intent.agreed ? agreedBanner(posting) : null,
        interestButton(posting.id, "my-interests"));
    }));
  }

  function renderRecommendations() {
    const list = document.getElementById("recommendations");
    renderSearchSummary();
    moreButton.hidden = !state.more;
    if (!state.recommendations.length) {
      const empty = state.search ? t("kiosk.search_none").replace("{0}", state.search) : t("kiosk.no_recommendations");
      list.replaceChildren(h("li", { class: "card muted" }, empty));
      return;
    }
    list.replaceChildren(...state.recommendations.map((item) => {
      const posting = item.posting || {};
      const interested = Boolean(intentOf(item.posting_id).seeker_interested);
      const reasons = strongestReasons(item.reasons || []).map(reasonText).filter(Boolean);
      return h("li", { class: "card rec" + (interested ? " is-interested" : ""), dataset: { postingId: item.posting_id } },
        postingHead(posting, h("div", { class: "score-badge", title: t("score") },
          h("strong", {}, Math.round((item.score || 0) * 100) + "%"), h("span", {}, t("score")))),
        postingFacts(posting),
        reasons.length ? h("div", { class: "reasons" },
          h("h4", {}, t("kiosk.why")),
          h("ul", {}, reasons.map((text) => h("li", {}, text)))) : null,
        intentOf(item.posting_id).agreed ? agreedBanner(posting) : null,
        interestButton(item.posting_id, "recommendations"));
    }));
  }

  function renderResults() {
    renderMine();
    renderRecommendations();
  }

  /* Draw both lists again. The button just tapped stays where it was on the screen (a row
     added above it must not move it from under the finger) and keeps the focus. */
  function redrawAround(postingId, listId) {
    const selector = `#${listId} li[data-posting-id="${postingId}"] button.interest`;
    const before = document.querySelector(selector);
    const top = before && before.getBoundingClientRect().top;
    renderResults();
    const again = document.querySelector(selector);
    if (!before || !again) return;
    window.scrollBy(0, again.getBoundingClientRect().top - top);
    if (!again.disabled) again.focus({ preventScroll: true });
  }

  /* One mark per posting at a time, from either list: a second tap, here or on the other
     list's button, waits for the first answer instead of racing it. */
  async function toggleInterest(postingId, listId) {
    if (state.pending.has(postingId)) return;
    const visit = state.visit;
    const want = !intentOf(postingId).seeker_interested;
    const posting = postingOf(postingId);
    state.pending.add(postingId);
    redrawAround(postingId, listId);
    try {
      const intent = await api(want ? "PUT" : "DELETE", `/api/v1/postings/${postingId}/intents/${state.seeker.id}`);
      if (visit !== state.visit) return;
      FM.showError(null);  // an earlier failure, now retried, is no longer the news
      state.intents.set(postingId, intent);
      // A withdrawn mark stays listed until the next visit, so a mistaken tap can be undone there.
      if (want && !state.marked.some((marked) => marked.id === postingId)) state.marked.push(posting);
    } catch (error) {
      if (visit === state.visit) FM.showError(error, MARK_REFUSED[error.status]);
    } finally {
      if (visit === state.visit) {
        state.pending.delete(postingId);
        redrawAround(postingId, listId);
      }
    }
  }

  document.getElementById("edit-profile").addEventListener("click", () => openForm(state.seeker, state.seeker.phone));
  document.getElementById("done").addEventListener("click", resetForNextPerson);
  document.getElementById("idle-continue").addEventListener("click", touch);

  FM.onLang(() => {
    renderChips();
    if (currentScreen() === "result-screen") renderResults();
  });

  FM.start("kiosk", async (me) => {
    state.me = me;
    // Ready before the fair's name arrives: a number typed meanwhile must not be cleared.
    renderChips();
    resetForNextPerson();
    setInterval(idleTick, 1000);
    try {
      const fair = await api("GET", `/api/v1/fairs/${me.fair_id}`);
      document.getElementById("fair-name").textContent = fair.name;
    } catch (error) {
      FM.showError(error);
    }
  });
})();
