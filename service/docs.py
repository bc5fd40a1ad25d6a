"""A browsable API reference at /docs, rendered in the browser from the OpenAPI spec.

Self-contained (no CDN, no vendored UI bundle): a venue's network may be
offline, and the docs must still open.
"""
from flask import Blueprint, Response

bp = Blueprint("docs", __name__)

_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>fairmatch API</title>
<style>
body{font:15px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
header{background:#1f4e79;color:#fff;padding:16px 24px}header h1{margin:0;font-size:22px}
main{max-width:1000px;margin:0 auto;padding:16px 24px}
h2{border-bottom:2px solid #d0d7de;padding-bottom:4px;margin-top:32px}
details{background:#fff;border:1px solid #d0d7de;border-radius:6px;margin:8px 0}
summary{cursor:pointer;padding:8px 12px}summary code{font-size:14px}
.m{display:inline-block;min-width:64px;font-weight:700;text-transform:uppercase}
.get{color:#1a7f37}.post{color:#0969da}.put{color:#9a6700}.patch{color:#8250df}.delete{color:#cf222e}
.body{padding:4px 16px 12px}table{border-collapse:collapse;width:100%;margin:6px 0}
td,th{border:1px solid #e1e4e8;padding:3px 8px;text-align:left;vertical-align:top;font-size:14px}
th{background:#f0f3f6}.req{color:#cf222e}small{color:#57606a}
</style></head><body>
<header><h1>fairmatch API <small style="color:#cfe0f1" id="version"></small></h1>
<div>Bearer tokens: <code>Authorization: Bearer &lt;token&gt;</code> ·
<a style="color:#fff" href="/api/v1/openapi.json">openapi.json</a></div>
<p id="about" style="margin:6px 0 0"></p></header>
<main id="root">Loading…</main>
<script>
const esc = s => String(s ?? "").replace(/[&<>"]/g, c => ({"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;"}[c]));
let spec;
function resolve(schema) {
  while (schema && schema.$ref) schema = spec.components.schemas[schema.$ref.split("/").pop()];
  return schema || {};
}
function typeOf(s) {
  if (s.$ref) return s.$ref.split("/").pop();
  if (s.type === "array") return "[" + typeOf(s.items || {}) + "]";
  if (s.enum) return (s.type || "") + " ∈ {" + s.enum.filter(v => v !== null).join(", ") + "}";
  return s.type || "object";
}
function fieldsTable(schema) {
  schema = resolve(schema);
  const props = schema.properties || {};
  const required = new Set(schema.required || []);
  const rows = Object.entries(props).map(([name, p]) => {
    const limits = ["minLength","maxLength","minimum","maximum","maxItems"].filter(k => k in p)
      .map(k => k + "=" + p[k]).join(" ");
    return `<tr><td><code>${esc(name)}</code>${required.has(name) ? ' <span class="req">*</span>' : ""}</td>
      <td>${esc(typeOf(p))}${p.nullable ? " | null" : ""}</td><td>${esc(p.description || "")} <small>${esc(limits)}</small></td></tr>`;
  });
  return rows.length ? `<table><tr><th>field</th><th>type</th><th>notes</th></tr>${rows.join("")}</table>` : "";
}
function operation(path, method, op) {
  let html = `<details><summary><span class="m ${method}">${method}</span> <code>${esc(path)}</code> — ${esc(op.summary || "")}</summary><div class="body">`;
  if (op.description) html += `<p>${esc(op.description)}</p>`;
  const params = (op.parameters || []).map(p => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${esc(typeOf(p.schema || {}))}</td></tr>`);
  if (params.length) html += `<b>Parameters</b><table><tr><th>name</th><th>in</th><th>type</th></tr>${params.join("")}</table>`;
  const body = op.requestBody && op.requestBody.content && op.requestBody.content["application/json"];
  if (body) html += `<b>Body</b> <small>${esc(typeOf(body.schema))}</small>` + fieldsTable(body.schema);
  for (const [code, response] of Object.entries(op.responses || {})) {
    const content = response.content && Object.values(response.content)[0];
    html += `<div><b>${esc(code)}</b> ${esc(response.description || "")}</div>`;
    if (content && content.schema && code < 300) html += fieldsTable(content.schema);
  }
  return html + "</div></details>";
}
fetch("/api/v1/openapi.json").then(r => r.json()).then(loaded => {
  spec = loaded;
  document.getElementById("version").textContent = spec.info.version;
  document.getElementById("about").textContent = spec.info.description || "";
  const groups = {};
  for (const [path, item] of Object.entries(spec.paths))
    for (const [method, op] of Object.entries(item))
      if (typeof op === "object" && op.responses) (groups[(op.tags || ["other"])[0]] ||= []).push(operation(path, method, op));
  const tags = Object.fromEntries((spec.tags || []).map(t => [t.name, t.description || ""]));
  document.getElementById("root").innerHTML = Object.entries(groups).map(([tag, ops]) =>
    `<h2>${esc(tag)} <small>${esc(tags[tag] || "")}</small></h2>${ops.join("")}`).join("");
}).catch(err => { document.getElementById("root").textContent = "Could not load the spec: " + err; });
</script></body></html>
"""


@bp.get("/docs")
@bp.get("/docs/")
def docs_page():
    """The API reference page."""
    return Response(_PAGE, mimetype="text/html")


def init_app(app):
    """Serve the docs page."""
    app.register_blueprint(bp)
