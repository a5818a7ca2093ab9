/// The alignment editor's style and script, embedded in every page `AlignmentEditorPage` writes (one
/// self-contained file: no network, no server, works from `file://`). The script reads the page's
/// `bitext-data` JSON, shows one page of beads at a time, applies the edits `AlignmentEdit`
/// replays (merge, split, move, unmatch) with undo, and exports TMX 1.4b and TSV as bitext writes
/// them, and the edits as JSON, as downloads made in the page.
enum AlignmentEditorScript {
    static let style = #"""
        body{font-family:system-ui,"Noto Sans CJK SC","Noto Sans",sans-serif;margin:1.5em;color:#222}
        h1{font-size:1.3em}h2{font-size:1.05em;margin:1.2em 0 .4em}.summary{color:#555}
        .bar{position:sticky;top:0;background:#fff;padding:.5em 0;border-bottom:1px solid #ccc;z-index:1;display:flex;flex-wrap:wrap;gap:.4em 1em;align-items:center}
        .bar label{white-space:nowrap}button{cursor:pointer}
        table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3em .45em;vertical-align:top;text-align:left}
        th{background:#f0f0f0}td.zh,td.en{width:40%}td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
        tr.low{background:#fde2e2}tr.low td.c{color:#a00;font-weight:bold;border-left:6px solid #c00}
        tr.mid{background:#fff4d6}tr.mid td.c{border-left:6px dashed #d90}
        tr.high td.c{border-left:6px solid #9c9}tr.edited{background:#e3efff}tr.edited td.c{border-left:6px double #36c}
        tr.flash{outline:3px solid #36c}
        .s{display:block;margin:.1em 0}.s small{color:#777;font-size:.75em;margin-right:.3em}
        .s button,.acts button{font-size:.75em;padding:0 .3em;margin-left:.2em;opacity:.55}.s:hover button,tr:hover .acts button{opacity:1}
        .splitform{display:none;margin-top:.3em;font-size:.85em}.splitform.open{display:block}
        ol.check{columns:2;font-size:.9em}ol.check a{text-decoration:none}
        .legend span{padding:0 .4em;margin-right:.4em}
        """#

    static let script = #"""
        (function () {
          "use strict";
          const data = JSON.parse(document.getElementById("bitext-data").textContent);
          const PAGE = 100, CHECK = 50, LOW = data.flagBelow, MID = 0.8;
          let beads = data.beads.map(b => ({ z: [b[0], b[1]], e: [b[2], b[3]], c: b[4], edited: false }));
          const edits = [], undo = [];
          let page = 0, maxConfidence = null, query = "";
          const $ = sel => document.querySelector(sel);
          const esc = t => t.replace(/[&<>"']/g, ch => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[ch]));
          const indices = r => { const out = []; for (let k = r[0]; k < r[1]; k++) out.push(k); return out; };
          const text = (side, r) => indices(r).map(k => data[side][k][0]).join(side === "zh" ? "" : " ");
          const shape = b => (b.z[1] - b.z[0]) + "-" + (b.e[1] - b.e[0]);
          const level = b => b.edited ? "edited" : b.c < LOW ? "low" : b.c < MID ? "mid" : "high";

          function visible() {
            const q = query.toLowerCase(), out = [];
            beads.forEach((b, i) => {
              if (maxConfidence !== null && !(b.c < maxConfidence)) return;
              if (q && !(text("zh", b.z) + "\n" + text("en", b.e)).toLowerCase().includes(q)) return;
              out.push(i);
            });
            return out;
          }

          function sentences(i, b, side) {
            const r = side === "zh" ? b.z : b.e, n = r[1] - r[0];
            return indices(r).map((k, j) => {
              const s = data[side][k];
              let buttons = "";
              if (j === 0 && i > 0) buttons += `<button data-action="move-previous" data-side="${side}" title="move this sentence to the previous bead">↑</button>`;
              if (j === n - 1 && i < beads.length - 1) buttons += `<button data-action="move-next" data-side="${side}" title="move this sentence to the next bead">↓</button>`;
              if ((j === 0 || j === n - 1) && (b.z[1] - b.z[0]) + (b.e[1] - b.e[0]) > 1)
                buttons += `<button data-action="unmatch" data-side="${side}" data-sentence="${j}" title="leave this sentence unmatched">∅</button>`;
              return `<span class="s" data-side="${side}" data-sentence="${k}"><small title="${esc(s[1] || "")}">${esc((s[1] || "").replace(/^.*:/, "line "))}</small>${esc(s[0])}${buttons}</span>`;
            }).join("");
          }

          function row(i) {
            const b = beads[i], nz = b.z[1] - b.z[0], ne = b.e[1] - b.e[0];
            const options = n => Array.from({ length: n + 1 }, (_, k) => `<option value="${k}"${k === Math.ceil(n / 2) ? " selected" : ""}>${k}</option>`).join("");
            return `<tr id="bead-${i}" class="${level(b)}" data-bead="${i}" data-shape="${shape(b)}" data-confidence="${b.c.toFixed(3)}">`
              + `<td class="n">${i + 1}<br><small>${shape(b)}</small></td>`
              + `<td class="zh" lang="zh">${sentences(i, b, "zh")}</td><td class="en" lang="en">${sentences(i, b, "en")}</td>`
              + `<td class="n c">${b.edited ? "edited" : b.c.toFixed(2) + (b.c < LOW ? " ⚑" : "")}</td>`
              + `<td class="acts">${i < beads.length - 1 ? '<button data-action="merge" title="merge with the next bead">merge ↓</button>' : ""}`
              + (nz + ne > 1 ? `<button data-action="split-open">split…</button><div class="splitform">Keep in the first part: `
                + `<label>中文 <select data-split="zh">${options(nz)}</select></label> `
                + `<label>English <select data-split="en">${options(ne)}</select></label> `
                + `<button data-action="split">split</button></div>` : "")
              + `</td></tr>`;
          }

          function render() {
            const shown = visible(), pages = Math.max(1, Math.ceil(shown.length / PAGE));
            page = Math.min(page, pages - 1);
            $("#rows").innerHTML = shown.slice(page * PAGE, (page + 1) * PAGE).map(row).join("");
            $("#page").textContent = `page ${page + 1} of ${pages} (${shown.length} of ${beads.length} beads shown)`;
            const doubtful = beads.map((b, i) => i).filter(i => !beads[i].edited && beads[i].c < LOW)
              .sort((a, b) => beads[a].c - beads[b].c || a - b);
            const count = `Check first: ${doubtful.length} doubtful bead${doubtful.length === 1 ? "" : "s"}`;
            $("#check-count").textContent = doubtful.length > CHECK ? `${count} (the ${CHECK} least confident listed)` : count;
            $("#check").innerHTML = doubtful.slice(0, CHECK).map(i =>
              `<li><a href="#bead-${i}" data-check="${i}">bead ${i + 1}</a> (${beads[i].c.toFixed(2)}) ${esc((text("zh", beads[i].z) || text("en", beads[i].e)).slice(0, 24))}</li>`).join("");
            $("[data-control=undo]").disabled = undo.length === 0;
            $("#edits").textContent = `${edits.length} edit${edits.length === 1 ? "" : "s"}`;
          }

          function show(i) {
            maxConfidence = null; query = "";
            $("[data-control=max-confidence]").value = ""; $("[data-control=search]").value = "";
            page = Math.floor(i / PAGE);
            render();
            const tr = document.getElementById("bead-" + i);
            if (tr) { tr.scrollIntoView({ block: "center" }); tr.classList.add("flash"); setTimeout(() => tr.classList.remove("flash"), 1500); }
          }

          // Each edit replaces beads[at, at + removed.length) by `added`; undo puts `removed` back.
          function apply(edit) {
            const i = edit.bead, b = beads[i], B = (z, e) => ({ z, e, c: 1, edited: true });
            let at = i, removed, added;
            if (edit.op === "merge") {
              const n = beads[i + 1]; removed = [b, n]; added = [B([b.z[0], n.z[1]], [b.e[0], n.e[1]])];
            } else if (edit.op === "split") {
              const zc = b.z[0] + edit.zh, ec = b.e[0] + edit.en;
              removed = [b]; added = [B([b.z[0], zc], [b.e[0], ec]), B([zc, b.z[1]], [ec, b.e[1]])];
            } else if (edit.op === "move-previous" || edit.op === "move-next") {
              const prev = edit.op === "move-previous", j = prev ? i - 1 : i + 1, o = beads[j], key = edit.side === "zh" ? "z" : "e";
              const moved = B(b.z.slice(), b.e.slice()), other = B(o.z.slice(), o.e.slice());
              if (prev) { moved[key][0] += 1; other[key][1] += 1; } else { moved[key][1] -= 1; other[key][0] -= 1; }
              at = prev ? j : i; removed = prev ? [o, b] : [b, o];
              added = (prev ? [other, moved] : [moved, other]).filter(x => x.z[1] > x.z[0] || x.e[1] > x.e[0]);
            } else if (edit.op === "unmatch") {
              const key = edit.side === "zh" ? "z" : "e", okey = key === "z" ? "e" : "z", r = b[key];
              const rest = B(b.z.slice(), b.e.slice()), single = B(null, null);
              if (edit.sentence === 0) {
                single[key] = [r[0], r[0] + 1]; single[okey] = [b[okey][0], b[okey][0]]; rest[key][0] += 1; added = [single, rest];
              } else {
                single[key] = [r[1] - 1, r[1]]; single[okey] = [b[okey][1], b[okey][1]]; rest[key][1] -= 1; added = [rest, single];
              }
              removed = [b];
            }
            beads.splice(at, removed.length, ...added);
            undo.push({ at, removed, added: added.length });
            edits.push(edit);
            render();
          }

          function edit(op, i, extra) {
            const b = beads[i];
            apply(Object.assign({ op, bead: i, zh_start: b.z[0], en_start: b.e[0] }, extra));
          }

          document.addEventListener("click", ev => {
            const t = ev.target;
            const check = t.closest("[data-check]");
            if (check) { ev.preventDefault(); show(+check.dataset.check); return; }
            const action = t.dataset && t.dataset.action;
            if (!action) return;
            const tr = t.closest("tr[data-bead]"), i = +tr.dataset.bead;
            if (action === "split-open") { tr.querySelector(".splitform").classList.toggle("open"); return; }
            if (action === "merge") edit("merge", i, {});
            if (action === "split") {
              const zh = +tr.querySelector("[data-split=zh]").value, en = +tr.querySelector("[data-split=en]").value, b = beads[i];
              if (zh + en === 0 || zh + en === (b.z[1] - b.z[0]) + (b.e[1] - b.e[0])) { alert("Both parts need at least one sentence."); return; }
              edit("split", i, { zh, en });
            }
            if (action === "move-previous" || action === "move-next") edit(action, i, { side: t.dataset.side });
            if (action === "unmatch") {
              const b = beads[i], r = t.dataset.side === "zh" ? b.z : b.e;
              edit("unmatch", i, { side: t.dataset.side, sentence: +t.dataset.sentence === 0 ? 0 : r[1] - r[0] - 1 });
            }
          });

          $("[data-control=undo]").addEventListener("click", () => {
            const u = undo.pop(); if (!u) return;
            beads.splice(u.at, u.added, ...u.removed); edits.pop(); render();
          });
          $("[data-control=previous-page]").addEventListener("click", () => { if (page > 0) { page--; render(); } });
          $("[data-control=next-page]").addEventListener("click", () => { page++; render(); });
          $("[data-control=max-confidence]").addEventListener("input", ev => {
            const v = parseFloat(ev.target.value); maxConfidence = isNaN(v) ? null : v; page = 0; render();
          });
          $("[data-control=search]").addEventListener("input", ev => { query = ev.target.value; page = 0; render(); });

          // Exports, written as bitext writes them.
          const xml = t => t.replace(/[&<>"']|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\r/g, ch =>
            ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;", "\r": "&#13;" }[ch] || ""));
          const source = (side, r) => r[1] > r[0] ? data[side][r[0]][1] : "";
          const confidence = b => b.c.toFixed(3);
          function tsvField(f) {
            const flat = f.replace(/[\t\n\r\u000B\u000C\u0085\u2028\u2029]/g, " ");
            return flat.length >= 2 && flat.startsWith('"') && flat.endsWith('"') ? '"' + flat.replace(/"/g, '""') + '"' : flat;
          }
          function tmx() {
            const now = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
            let out = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n'
              + `  <header creationtool="bitext" creationtoolversion="${xml(data.version)}" segtype="sentence" o-tmf="bitext" adminlang="en-US" `
              + `srclang="${xml(data.languages[0])}" datatype="plaintext" creationdate="${now}"/>\n  <body>\n`;
            for (const b of beads) {
              if (b.z[1] === b.z[0] || b.e[1] === b.e[0]) continue;
              out += `    <tu>\n      <prop type="x-confidence">${confidence(b)}</prop>\n`;
              if (source("zh", b.z)) out += `      <prop type="x-source">${xml(source("zh", b.z))}</prop>\n`;
              if (source("en", b.e)) out += `      <prop type="x-en-source">${xml(source("en", b.e))}</prop>\n`;
              out += `      <tuv xml:lang="${xml(data.languages[0])}"><seg>${xml(text("zh", b.z))}</seg></tuv>\n`
                + `      <tuv xml:lang="${xml(data.languages[1])}"><seg>${xml(text("en", b.e))}</seg></tuv>\n    </tu>\n`;
            }
            return out + "  </body>\n</tmx>\n";
          }
          function tsv() {
            return beads.map(b => [text("zh", b.z), text("en", b.e), confidence(b), source("zh", b.z), source("en", b.e)].map(tsvField).join("\t") + "\n").join("");
          }
          function download(name, type, content) {
            const a = document.createElement("a");
            a.href = URL.createObjectURL(new Blob([content], { type }));
            a.download = name;
            document.body.appendChild(a); a.click(); a.remove();
          }
          $("[data-control=export-tmx]").addEventListener("click", () => download(data.name + ".edited.tmx", "application/x-tmx+xml", tmx()));
          $("[data-control=export-tsv]").addEventListener("click", () => download(data.name + ".edited.tsv", "text/tab-separated-values", tsv()));
          $("[data-control=export-edits]").addEventListener("click", () => download(data.name + ".edits.json", "application/json", JSON.stringify(edits, null, 1) + "\n"));
          render();
        })();
        """#
}
