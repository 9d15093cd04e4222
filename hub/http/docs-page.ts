// A self-contained page that renders /v1/openapi.json (no CDN: hubs run
// offline). It lists every operation with its parameters, request body,
// responses and security, and every schema, with $refs as links.

export const docsCsp = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'";

export const docsPage = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>SW Desk hub protocol v1</title>
<style>
  body { font: 14px/1.5 system-ui, "Noto Sans CJK SC", sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1d2330; }
  h1 { font-size: 1.5rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ccd; }
  .op { border: 1px solid #ccd; border-radius: 6px; margin: .75rem 0; }
  .op > summary { padding: .5rem .75rem; cursor: pointer; }
  .op > div { padding: 0 .75rem .75rem; }
  .method { display: inline-block; min-width: 4rem; font-weight: 600; text-transform: uppercase; }
  .get { color: #0a6; } .post { color: #05c; }
  .lock { color: #a60; font-size: .85em; margin-left: .5rem; }
  code, pre { font-family: ui-monospace, monospace; font-size: 12.5px; }
  pre { background: #f5f6fa; padding: .5rem; overflow: auto; border-radius: 4px; }
  table { border-collapse: collapse; } td, th { border: 1px solid #dde; padding: .25rem .5rem; text-align: left; vertical-align: top; }
  .error { color: #b00; }
</style>
</head>
<body>
<h1 id="title">Hub protocol v1</h1>
<p id="description"></p>
<p>Machine-readable: <a href="openapi.json">/v1/openapi.json</a>. Written guide: docs/hub-protocol.md in the repository.</p>
<div id="security"></div>
<h2>Operations</h2>
<div id="ops">Loading…</div>
<h2>Schemas</h2>
<div id="schemas"></div>
<script>
(async () => {
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return node;
  };
  const schemaBlock = (schema) => {
    const pre = el('pre');
    const text = JSON.stringify(schema, null, 2);
    const parts = text.split(/("#\\/components\\/schemas\\/[A-Za-z]+")/);
    for (const part of parts) {
      const m = /^"#\\/components\\/schemas\\/([A-Za-z]+)"$/.exec(part);
      pre.append(m ? el('a', { href: '#schema-' + m[1] }, part) : document.createTextNode(part));
    }
    return pre;
  };
  try {
    const spec = await (await fetch('openapi.json')).json();
    document.getElementById('title').textContent = spec.info.title + ' ' + spec.info.version;
    document.getElementById('description').textContent = spec.info.description;
    const sec = spec.components.securitySchemes.swdeskSignature;
    document.getElementById('security').append(el('h2', {}, 'Signed requests'), el('p', {}, sec.description));
    const ops = document.getElementById('ops');
    ops.textContent = '';
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const summary = el('summary', {}, el('span', { class: 'method ' + method }, method), ' ', el('code', {}, path), ' — ' + (op.summary || ''));
        if (op.security) summary.append(el('span', { class: 'lock' }, 'signed'));
        const body = el('div');
        if (op.description) body.append(el('p', {}, op.description));
        if (op.parameters) {
          const table = el('table', {}, el('tr', {}, el('th', {}, 'parameter'), el('th', {}, 'in'), el('th', {}, 'schema'), el('th', {}, 'description')));
          for (const p of op.parameters) table.append(el('tr', {}, el('td', {}, el('code', {}, p.name)), el('td', {}, p.in), el('td', {}, el('code', {}, JSON.stringify(p.schema))), el('td', {}, p.description || '')));
          body.append(el('h4', {}, 'Parameters'), table);
        }
        if (op.requestBody) body.append(el('h4', {}, 'Request body'), schemaBlock(op.requestBody.content['application/json'].schema));
        body.append(el('h4', {}, 'Responses'));
        const table = el('table', {}, el('tr', {}, el('th', {}, 'status'), el('th', {}, 'meaning'), el('th', {}, 'body')));
        for (const [status, r] of Object.entries(op.responses)) {
          const schema = r.content && r.content['application/json'] ? r.content['application/json'].schema : null;
          table.append(el('tr', {}, el('td', {}, status), el('td', {}, r.description), el('td', {}, schema ? schemaBlock(schema) : '')));
        }
        body.append(table);
        ops.append(el('details', { class: 'op' }, summary, body));
      }
    }
    const schemas = document.getElementById('schemas');
    for (const [name, schema] of Object.entries(spec.components.schemas)) {
      schemas.append(el('details', { class: 'op', id: 'schema-' + name }, el('summary', {}, el('code', {}, name)), el('div', {}, schemaBlock(schema))));
    }
  } catch (error) {
    document.getElementById('ops').replaceChildren(el('p', { class: 'error' }, 'Could not load openapi.json: ' + error));
  }
})();
</script>
</body>
</html>
`;
