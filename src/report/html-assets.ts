// The HTML report's inline style and script. The script's sha256 goes into the Content-Security-Policy, so the page
// runs this script and nothing else, even if some article text ever slipped through unescaped.
import { createHash } from 'node:crypto';

export const STYLE = `
:root{--bg:#fbfbfa;--fg:#1d1d1f;--muted:#5f6368;--line:#dedede;--card:#fff;--bad:#b3261e;--bad-bg:#fdecea;--ok:#1e7d32;
--person:#dbe9ff;--organization:#e6dcff;--place:#d7f3e3;--money:#ffe8b3;--percent:#ffd9c7;--date:#d6f0f7;--quote:#eeeeee}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:1100px;margin:0 auto;padding:24px 20px 64px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:36px 0 12px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:16px;margin:0 0 8px}
.summary{color:var(--muted);margin:0}
nav a{margin-right:14px}
a{color:#1a5fb4}
.card{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--bad);border-radius:8px;padding:14px 16px;margin:0 0 16px}
.card .code{display:inline-block;background:var(--bad-bg);color:var(--bad);font:600 12px/1.8 ui-monospace,monospace;padding:0 6px;border-radius:4px;margin-right:6px}
.card .message{color:var(--muted);margin:6px 0 12px}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:12px}
.side{border:1px solid var(--line);border-radius:6px;padding:10px 12px;background:#fffdf8}
.side .value{font-size:18px;font-weight:650;margin-bottom:6px}
.side blockquote{margin:6px 0;padding-left:10px;border-left:3px solid var(--line)}
.side cite{display:block;font:12px ui-monospace,monospace;color:var(--muted);font-style:normal}
.also{color:var(--muted);font-size:13px;margin:10px 0 0}
mark{border-radius:3px;padding:0 1px;color:inherit}
mark.hit{background:var(--money);box-shadow:0 0 0 1px #e0b44c;font-weight:600}
mark.k-person{background:var(--person)}mark.k-organization{background:var(--organization)}mark.k-place{background:var(--place)}
mark.k-money{background:var(--money)}mark.k-percent{background:var(--percent)}mark.k-date{background:var(--date)}
mark.k-quote{background:var(--quote)}
.filters{display:flex;gap:10px;align-items:center;flex-wrap:wrap;margin-bottom:10px}
.filters input{flex:1 1 260px;padding:6px 10px;font:inherit;border:1px solid #bbb;border-radius:6px}
.filters select{padding:6px;font:inherit;border:1px solid #bbb;border-radius:6px}
#shown{color:var(--muted);font-size:13px}
table{width:100%;border-collapse:collapse;background:var(--card);border:1px solid var(--line)}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}
th{background:#f1f1ef;font-size:13px}
td ul{margin:0;padding-left:16px}
td .src{font:12px ui-monospace,monospace;color:var(--muted)}
.status{font-size:12px;font-weight:600;border-radius:10px;padding:1px 8px;white-space:nowrap}
.status.conflict{background:var(--bad-bg);color:var(--bad)}.status.agreed{background:#e3f4e5;color:var(--ok)}
.status.single{background:#eee;color:var(--muted)}
.legend{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:12px;font-size:13px}
.legend label{cursor:pointer}
.doc{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px;margin:0 0 16px}
.doc .meta{color:var(--muted);font-size:13px;margin:-4px 0 8px}
.doc .text{white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.6 Georgia,"Times New Roman",serif;margin:0}
.doc .missing{color:var(--muted);font-style:italic}
.line:target::before{content:"\\25B6  ";color:var(--bad);font-weight:700}
.hide-person mark.k-person,.hide-organization mark.k-organization,.hide-place mark.k-place,.hide-money mark.k-money,
.hide-percent mark.k-percent,.hide-date mark.k-date,.hide-quote mark.k-quote{background:none}
`;

/** Filters the fact table by text and status, and toggles the highlight of each mention kind. */
export const SCRIPT = `
(function () {
  var q = document.getElementById('filter');
  var s = document.getElementById('status');
  var n = document.getElementById('shown');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#fact-table tbody tr'));
  function apply() {
    var t = q.value.trim().toLowerCase();
    var st = s.value;
    var shown = 0;
    rows.forEach(function (r) {
      var ok = (!st || r.getAttribute('data-status') === st) && (!t || r.textContent.toLowerCase().indexOf(t) >= 0);
      r.hidden = !ok;
      if (ok) shown++;
    });
    n.textContent = shown + ' of ' + rows.length + ' facts';
  }
  q.addEventListener('input', apply);
  s.addEventListener('change', apply);
  apply();
  document.querySelectorAll('.legend input').forEach(function (box) {
    box.addEventListener('change', function () {
      document.body.classList.toggle('hide-' + box.getAttribute('data-kind'), !box.checked);
    });
  });
})();
`;

export const SCRIPT_HASH = `sha256-${createHash('sha256').update(SCRIPT).digest('base64')}`;

/** Nothing may load: no network, no frames, no forms; only the inline style and the one script above. */
export const CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  `script-src '${SCRIPT_HASH}'`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
