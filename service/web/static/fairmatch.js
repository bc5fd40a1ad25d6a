/* Shared helpers of the booth pages: language, the device's token, API calls,
   downloads and a tiny element builder (text only, never innerHTML, so nothing a
   seeker types can become markup). */
"use strict";

const FM = (() => {
  const strings = JSON.parse(document.getElementById("fm-i18n").textContent);
  const LANG_KEY = "fairmatch.lang";
  const langListeners = [];
  let lang = localStorage.getItem(LANG_KEY) === "en" ? "en" : "zh";
  let token = null;

  function t(key) {
    const entry = strings[key];
    return entry ? entry[lang] : key;
  }

  /* The API's validation messages are English (and may name API fields); the pages show
     the ones people meet in the page's language, and any other as the API wrote it. */
  const API_MESSAGES = [
    [/^Must be greater than or equal to (-?\d+) and less than or equal to (-?\d+)\.$/, "api.range"],
    [/^Must be greater than or equal to (-?\d+)\.$/, "api.min"],
    [/^Must be less than or equal to (-?\d+)\.$/, "api.max"],
    [/^Not a valid integer\.$/, "api.integer"],
    [/^Length must be between (\d+) and (\d+)\.$/, "api.length"],
    [/^Longer than maximum length (\d+)\.$/, "api.too_long"],
    [/^Must be at least salary_min\.$/, "api.salary_order"],
    [/^Missing data for required field\.$/, "kiosk.required"],
    [/^Not a mainland China mobile number/, "kiosk.phone_invalid"],
    [/^Consent to share the profile/, "kiosk.consent_required"],
    [/^May not be blank\.$/, "kiosk.required"],
    [/^Not a unified social credit code/, "api.credit_code"],
    [/^Not a phone number\.$/, "api.phone"],
    // A spreadsheet that could not be read (the API names the Python error that said so)
    [/^Not a readable \.xlsx file \(save it as \.xlsx, not the old \.xls\)\.$/, "import.old_xls"],
    [/^Not a readable (\.xlsx|CSV) file/, "import.unreadable"],
    [/^The file has no header row\.$/, "import.no_header"],
    [/^The CSV is neither UTF-8 nor GBK text\.$/, "import.encoding"],
    [/^The \.xlsx unpacks to more than (\d+) MB\.$/, "import.unpacks_too_big"],
  ];

  function apiMessage(message) {
    for (const [pattern, key] of API_MESSAGES) {
      const match = pattern.exec(message);
      if (match) return t(key).replace(/\{(\d)\}/g, (_, index) => match[Number(index)]);
    }
    return message;
  }

  /* The API's messages for one field as one line. A list's messages come by the index of the item
     refused ({"1": [...]}), which the line names: 第 2 项, not "[object Object]". */
  function messagesText(messages) {
    if (messages && typeof messages === "object" && !Array.isArray(messages)) {
      return Object.entries(messages).map(([key, inner]) =>
        (/^\d+$/.test(key) ? t("api.item").replace("{0}", Number(key) + 1) : "") + messagesText(inner)).join(" ");
    }
    return [].concat(messages).map(String).map(apiMessage).join(" ");
  }

  /* An element showing the API's messages for one field; it follows the language switch. */
  function fieldMessage(messages) {
    return h("span", { class: "field-msg", dataset: { apiMessages: JSON.stringify(messages) } },
      messagesText(messages));
  }

  function applyLang() {
    document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
    document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll("[data-api-messages]").forEach((el) => {
      el.textContent = messagesText(JSON.parse(el.dataset.apiMessages));
    });
    document.querySelectorAll("[data-i18n-placeholder]").forEach((el) => {
      el.placeholder = t(el.dataset.i18nPlaceholder);
    });
    langListeners.forEach((listener) => listener(lang));
  }

  function setLang(next) {
    lang = next === "en" ? "en" : "zh";
    localStorage.setItem(LANG_KEY, lang);
    applyLang();
  }

  /* Build an element: h("li", {class: "x", onclick: f}, "text", child, [more]) */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name.startsWith("on")) el.addEventListener(name.slice(2), value);
      else if (name === "dataset") Object.assign(el.dataset, value);
      else if (value === true) el.setAttribute(name, "");
      else el.setAttribute(name, value);
    }
    const add = (child) => {
      if (child === null || child === undefined || child === false) return;
      if (Array.isArray(child)) child.forEach(add);
      else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    };
    children.forEach(add);
    return el;
  }

  class ApiError extends Error {
    constructor(status, body) {
      super((body && body.message) || String(status));
      this.status = status;
      this.body = body || {};
    }
  }

  /* A 503 says the service could not reach its store for a moment, and nothing was wrong with the
     request. One that is safe to repeat is sent again after the answer's Retry-After, twice at most,
     so a short outage passes unnoticed: GET, PUT and DELETE (the pages PUT and DELETE intent marks,
     which are idempotent), a POST carrying an Idempotency-Key, or one the page calls repeatable
     (options.repeatable: a lookup, a seeker keyed by phone). Any other request is left to the person. */
  const BUSY_RETRIES = 2;
  const BUSY_WAIT_SECONDS = { fallback: 2, most: 5 };

  function repeatable(method, headers, options) {
    return ["GET", "HEAD", "PUT", "DELETE"].includes(method) || "Idempotency-Key" in headers
      || Boolean(options && options.repeatable);
  }

  function busyWait(resp) {
    const seconds = Number(resp.headers.get("Retry-After"));
    return 1000 * (seconds > 0 ? Math.min(seconds, BUSY_WAIT_SECONDS.most) : BUSY_WAIT_SECONDS.fallback);
  }

  async function request(method, path, body, extraHeaders, options) {
    const headers = { Authorization: "Bearer " + token, Accept: "application/json", ...extraHeaders };
    let payload;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      payload = JSON.stringify(body);
    }
    for (let tries = 1; ; tries += 1) {
      let resp;
      try {
        resp = await fetch(path, { method, headers, body: payload });
      } catch (networkError) {
        throw new ApiError(0, { message: t("error.network") });
      }
      if (resp.status !== 503 || tries > BUSY_RETRIES || !repeatable(method, headers, options)) return resp;
      await new Promise((resolve) => { setTimeout(resolve, busyWait(resp)); });
    }
  }

  /* Call the API; options.repeatable: this POST may be sent again after a 503 (see request). */
  async function api(method, path, body, extraHeaders, options) {
    const resp = await request(method, path, body, extraHeaders, options);
    const text = await resp.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (notJson) { data = { message: text }; }
    if (!resp.ok) throw new ApiError(resp.status, data);
    return data;
  }

  /* An Idempotency-Key per thing the page means to create: trying the same content again (after a
     lost answer) reuses the key, so the server answers with what the first try created instead of
     creating it twice; other content gets a new key. crypto.randomUUID needs https; this does not. */
  const requestKeys = {};

  function requestKey(purpose, content) {
    const known = requestKeys[purpose];
    if (known && known.content === content) return known.key;
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    const key = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
    requestKeys[purpose] = { content, key };
    return key;
  }

  function requestDone(purpose) {
    delete requestKeys[purpose];
  }

  /* A list endpoint may answer with a bare list or a page object. */
  function items(data) {
    if (Array.isArray(data)) return data;
    return (data && (data.results || data.items)) || [];
  }

  /* The largest page the API's lists give (limit ≤ 200). */
  const PAGE_LIMIT = 200;

  /* Every item of a list endpoint, page after page: a big fair has more employers, and a big
     employer more postings, than one page holds. */
  async function allItems(path) {
    const all = [];
    const joiner = path.includes("?") ? "&" : "?";
    for (let offset = 0; ; offset += PAGE_LIMIT) {
      const page = await api("GET", `${path}${joiner}limit=${PAGE_LIMIT}&offset=${offset}`);
      all.push(...items(page));
      if (all.length >= (page.total ?? 0) || !items(page).length) return all;
    }
  }

  function filenameFrom(disposition, fallback) {
    const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition || "");
    if (encoded) return decodeURIComponent(encoded[1]);
    const plain = /filename="?([^";]+)"?/i.exec(disposition || "");
    return plain ? plain[1] : fallback;
  }

  /* Files need the bearer token too, so fetch them and hand the browser a blob. */
  async function download(path, fallbackName) {
    const resp = await request("GET", path);
    if (!resp.ok) {
      let body = {};
      try { body = await resp.json(); } catch (notJson) { /* keep the status alone */ }
      throw new ApiError(resp.status, body);
    }
    const blob = await resp.blob();
    const url = URL.createObjectURL(blob);
    const link = h("a", { href: url, download: filenameFrom(resp.headers.get("Content-Disposition"), fallbackName) });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  /* The API's error messages are English: a failure people can meet is told in the page's
     language (and follows the switch); anything else keeps the API's own message. */
  const STATUS_MESSAGES = { 0: "error.network", 401: "token.invalid", 403: "error.forbidden", 404: "error.not_found",
    413: "error.too_large", 503: "error.busy" };

  function errorKey(error) {
    return STATUS_MESSAGES[error.status] || (error.status >= 500 ? "error.server" : null);
  }

  function errorText(error) {
    const key = errorKey(error);
    return key ? t(key) : t("error.generic") + error.message;
  }

  /* Show an error in a line or banner of the page: the page's own message `key` where the page
     knows what the answer means there (a 409 on a mark: the posting is closed), else by status. */
  function showErrorIn(el, error, key = errorKey(error)) {
    if (key) el.dataset.i18n = key;
    else delete el.dataset.i18n;
    el.textContent = key ? t(key) : errorText(error);
    el.hidden = false;
  }

  function showError(error, key) {
    const banner = document.getElementById("global-error");
    if (!error) { banner.hidden = true; return; }
    showErrorIn(banner, error, key);
  }

  /* What a spreadsheet import refused, by row and field (the API keys its 422 errors by row number;
     a file it could not read at all comes as "file", a wrong header row as "columns", missing or too
     many rows as "rows": places in the file, not fields to show by their codes). */
  const IMPORT_PLACES = { file: "import.file", columns: "import.columns", rows: "import.rows" };

  function importErrorsTable(errors, fieldLabel, id) {
    const lines = [];
    for (const [row, fields] of Object.entries(errors)) {
      const byField = Array.isArray(fields) ? { file: fields } : fields;
      for (const [field, messages] of Object.entries(byField)) {
        const place = IMPORT_PLACES[field] ? t(IMPORT_PLACES[field]) : fieldLabel(field);
        lines.push(h("tr", {}, h("td", { class: "num" }, /^\d+$/.test(row) ? row : "—"), h("td", {}, place),
          h("td", {}, messagesText(messages))));
      }
    }
    return h("table", { id },
      h("thead", {}, h("tr", {}, h("th", { class: "num" }, t("employer.row")), h("th", {}, t("employer.field")),
        h("th", {}, t("employer.problem")))),
      h("tbody", {}, lines));
  }

  /* Split what a person typed into a list: commas, 顿号, semicolons or new lines. */
  function splitList(text) {
    return String(text || "").split(/[,，、;；\n]+/).map((s) => s.trim()).filter(Boolean);
  }

  function intOrNull(value) {
    const trimmed = String(value ?? "").trim();
    return trimmed === "" ? null : Number(trimmed);
  }

  function formatTime(iso) {
    if (!iso) return "";
    return iso.replace("T", " ").slice(0, 16);
  }

  function salaryText(min, max) {
    if (min == null && max == null) return t("kiosk.negotiable");
    if (min != null && max != null) return `${min}–${max} ${t("yuan_month")}`;
    return `${min ?? max} ${t("yuan_month")}`;
  }

  /* The pay a posting's description states for the form's blank pay (read_from_description): a range, or
     a floor (底薪3000+提成: "3000+"); "" where it states none. */
  function readPayText(read) {
    if (!read || read.salary_min == null) return "";
    return read.salary_max == null ? `${read.salary_min}+ ${t("yuan_month")}`
      : salaryText(read.salary_min, read.salary_max);
  }

  /* An occupation as the page's language shows it: on the English page "welder (焊工)" where the API
     gives an English name (name_en), the Chinese name alone where it gives none (a code tells a
     reader nothing); on the Chinese page the Chinese name. Callers draw it again on a language switch. */
  function occupationText(occupation) {
    if (!occupation) return "";
    const name = occupation.name || occupation.code || "";
    return lang === "en" && occupation.name_en ? `${occupation.name_en} (${name})` : name;
  }

  /* Show the token form until a token of the wanted role is saved; then call
     onReady(me). The token stays in this browser's localStorage. */
  function start(role, onReady) {
    const storageKey = "fairmatch.token." + role;
    const screen = document.getElementById("token-screen");
    const app = document.getElementById("app");
    const form = document.getElementById("token-form");
    const errorLine = document.getElementById("token-error");
    const forget = document.getElementById("forget-token");

    document.getElementById("lang-switch").addEventListener("click", () => setLang(lang === "zh" ? "en" : "zh"));
    forget.addEventListener("click", () => {
      if (!window.confirm(t("token.forget_confirm"))) return;
      localStorage.removeItem(storageKey);
      window.location.reload();
    });

    async function tryToken(candidate) {
      token = candidate;
      const me = await api("GET", "/api/v1/me");
      if (me.role !== role) throw new ApiError(403, { message: t("token.wrong_role") });
      return me;
    }

    async function enter(candidate, remember) {
      try {
        const me = await tryToken(candidate);
        if (remember) localStorage.setItem(storageKey, candidate);
        screen.hidden = true;
        app.hidden = false;
        forget.hidden = false;
        await onReady(me);
      } catch (error) {
        token = null;
        // A saved token that stopped working is dropped; a network error keeps it.
        if (error.status === 401 || error.status === 403) localStorage.removeItem(storageKey);
        screen.hidden = false;
        app.hidden = true;
        if (error.status === 403) {
          errorLine.dataset.i18n = "token.wrong_role";
          errorLine.textContent = t("token.wrong_role");
          errorLine.hidden = false;
        } else showErrorIn(errorLine, error);
      }
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      errorLine.hidden = true;
      enter(form.elements.token.value.trim(), true);
    });

    applyLang();
    const linked = tokenFromLink();
    const saved = localStorage.getItem(storageKey);
    if (linked) enter(linked, true);
    else if (saved) enter(saved, false);
    else screen.hidden = false;
  }

  /* A sign-in link from the organizer, /employer#token=fme_…, spares typing 47 characters on a tablet.
     The token rides in the fragment, which browsers never send to the server, and is wiped from the
     address bar at once so it is not left on screen or bookmarked. */
  function tokenFromLink() {
    const linked = new URLSearchParams(window.location.hash.slice(1)).get("token");
    if (linked === null) return null;
    history.replaceState(null, "", window.location.pathname + window.location.search);
    return linked.trim() || null;
  }

  return {
    t, h, api, requestKey, requestDone, items, allItems, PAGE_LIMIT, download, showError, importErrorsTable, splitList, intOrNull, formatTime,
    salaryText, readPayText, occupationText, start,
    setLang, applyLang, ApiError, apiMessage, fieldMessage, errorText, showErrorIn,
    get lang() { return lang; },
    onLang(listener) { langListeners.push(listener); },
  };
})();
