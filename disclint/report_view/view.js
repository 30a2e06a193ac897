/* The view of one report (disclint/report_view): drawn from plain data, textContent only (report
   text is untrusted). check --format html, the summary's detail view and disclint serve draw it. */
var DisclintView = (function () {
  "use strict";
  var WORDS = {
    zh: {structure: "报告结构", tables: "统计表", findings: "问题", text: "报告正文", line: function (n) { return "第" + n + "行"; },
         missing: "缺少：", noHeadings: "未识别出部分标题", noTable: "未找到此表", none: "未发现问题。",
         unread: "无法读取，未检查。", cannotRead: "无法读取：", should: "应为 ", maybe: "或应为 ", actual: "，实为 ",
         possibly: "可能有误", similar: "相似度 ", compare: "对比：", year: function (y) { return " · " + y + " 年度"; },
         format: function (p) { return p + " 版格式"; }, published: "发布 ", unknownBody: "（未识别机关）"},
    en: {structure: "Structure", tables: "Tables", findings: "Findings", text: "Report text", line: function (n) { return "line " + n; },
         missing: "Missing: ", noHeadings: "no section headings recognised", noTable: "table not found", none: "Nothing found.",
         unread: "Not readable, not checked.", cannotRead: "Cannot read: ", should: "should be ", maybe: "or should be ",
         actual: ", is ", possibly: "possibly wrong", similar: "similarity ", compare: "compared with: ",
         year: function (y) { return " · " + y; }, format: function (p) { return p + " format"; }, published: "published ",
         unknownBody: "(body not recognised)"}
  };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function fmt(v) { return v === null || v === undefined || v === "" ? "—" : String(v); }
  function words(L) { return WORDS[L.lang === "en" ? "en" : "zh"]; }

  function title(r, L) { var w = words(L); return (r.agency || w.unknownBody) + (r.year ? w.year(r.year) : ""); }
  function meta(r, L) {
    var w = words(L);
    return [r.title, r.path, r.profile ? w.format(r.profile) : "", r.published ? w.published + r.published : "",
            r.status && L.status ? L.status[r.status] : ""].filter(Boolean).join(" · ");
  }

  // Where the reader finds it in the format they have (a Word table's row and column, a PDF page),
  // as the text output says it; a line number only where the format has lines.
  function position(f, r, w) {
    if (f.place) return f.place;
    return f.line && r.lines !== false ? w.line(f.line) : "";
  }

  function renderSections(body, r, L, w) {
    body.appendChild(el("h3", null, w.structure));
    var ul = el("ul", "sections");
    r.sections.forEach(function (s) {
      var li = el("li", s[0] ? null : "other", s[1]);
      if (s[2] && r.lines !== false) li.appendChild(el("span", "ln", w.line(s[2])));
      ul.appendChild(li);
    });
    r.missing.forEach(function (id) { ul.appendChild(el("li", "missing", w.missing + ((L.sections || {})[id] || id))); });
    if (!r.sections.length && !r.missing.length) ul.appendChild(el("li", "other", w.noHeadings));
    body.appendChild(ul);
  }

  function renderTables(body, r, L, w) {
    body.appendChild(el("h3", null, w.tables));
    var byTable = {};
    r.findings.forEach(function (f) { if (f.table) (byTable[f.table] = byTable[f.table] || []).push(f); });
    ["proactive", "requests", "appeals"].forEach(function (tid) {
      var t = r.tables.filter(function (x) { return x.id === tid; })[0];
      var lab = (L.tables || {})[tid] || {rows: {}, cols: {}, title: tid};
      var cap = el("div", "tcaption", lab.title);
      if (t && t.line && r.lines !== false) cap.appendChild(el("span", "ln", "　" + w.line(t.line)));
      body.appendChild(cap);
      if (!t) { body.appendChild(el("div", "empty", w.noTable)); return; }
      var fails = byTable[tid] || [];
      var wrap = el("div", "tablewrap"), table = el("table", "grid");
      table.dataset.table = tid;
      var hr = el("tr"); hr.appendChild(el("th", null, ""));
      t.cols.forEach(function (c) { hr.appendChild(el("th", null, c in lab.cols ? lab.cols[c] : c)); });
      var thead = el("thead"); thead.appendChild(hr); table.appendChild(thead);
      var tb = el("tbody");
      t.rows.forEach(function (rid, i) {
        var tr = el("tr"); tr.dataset.row = rid;
        tr.appendChild(el("th", "rowlabel", rid in lab.rows ? lab.rows[rid] : rid));
        if (fails.some(function (f) { return f.row === rid && !f.col; })) tr.className = "row-fail";
        t.cols.forEach(function (c, j) {
          var td = el("td", null, fmt(t.v[i][j]));
          td.dataset.col = c;
          // a finding with repairs names its cells there; its row and column only anchor the identity
          var hit = fails.filter(function (f) { return f.row === rid && f.col === c && !(f.repairs && f.repairs.length); })[0];
          // one repair option names the wrong cell(s); several mean it cannot be told which
          var fix = null, maybe = null;
          fails.forEach(function (f) {
            (f.repairs || []).forEach(function (option) {
              option.forEach(function (cell) {
                if (cell.row !== rid || cell.column !== c) return;
                if (f.repairs.length === 1) fix = fix || {f: f, cell: cell}; else maybe = maybe || {f: f, cell: cell};
              });
            });
          });
          if (fix) {
            td.className = "cell-fail sev-" + fix.f.sev;
            td.title = fix.f.msg;
            td.appendChild(el("span", "expected", w.should + fix.cell.expected));
          } else if (hit) {
            td.className = "cell-fail sev-" + hit.sev;
            td.title = hit.msg;
            if (hit.exp !== null && hit.exp !== undefined) td.appendChild(el("span", "expected", w.should + hit.exp));
          } else if (maybe) {
            td.className = "cell-maybe";
            td.title = w.possibly + "（" + maybe.f.msg + "）";
            td.appendChild(el("span", "expected", w.maybe + maybe.cell.expected));
          }
          tr.appendChild(td);
        });
        tb.appendChild(tr);
      });
      table.appendChild(tb); wrap.appendChild(table); body.appendChild(wrap);
    });
  }

  function renderFindings(body, r, L, w) {
    body.appendChild(el("h3", null, w.findings + "（" + r.findings.length + "）"));
    if (!r.findings.length) { body.appendChild(el("div", "empty", r.error ? w.unread : w.none)); return; }
    var ol = el("ol", "findings");
    r.findings.forEach(function (f, k) {
      var li = el("li", f.sev), head = el("div", "head");
      li.id = "f-" + (r.anchor || "") + k;
      head.appendChild(el("span", "badge " + f.sev, (L.severity || {})[f.sev] || f.sev));
      head.appendChild(el("span", "rule", f.rule));
      head.appendChild(el("span", null, f.type || (L.kinds || {})[f.kind] || f.kind));
      var pos = position(f, r, w);
      if (pos && r.fullText && f.line) {
        var a = el("a", "pos", pos);
        a.href = "#l-" + (r.anchor || "") + f.line;
        head.appendChild(a);
      } else if (pos) {
        head.appendChild(el("span", null, pos));
      }
      if (f.exp !== null && f.exp !== undefined && !(f.repairs && f.repairs.length))
        head.appendChild(el("span", null, w.should + f.exp + w.actual + fmt(f.act)));
      if (f.sim) head.appendChild(el("span", null, w.similar + f.sim));
      if (f.prev) head.appendChild(el("span", null, w.compare + f.prev));
      li.appendChild(head);
      li.appendChild(el("div", "msg", f.msg));
      var excerpt = f.line && r.text[String(f.line)];
      if (excerpt && !r.fullText) {
        var pre = el("pre", "text");
        if (r.lines !== false) pre.appendChild(el("span", "lno", f.line));
        pre.appendChild(document.createTextNode(excerpt));
        li.appendChild(pre);
      }
      ol.appendChild(li);
    });
    body.appendChild(ol);
  }

  // The whole text, each line a finding points at marked, its findings' codes beside it.
  function renderText(body, r, L, w) {
    var numbers = Object.keys(r.text).map(Number).sort(function (a, b) { return a - b; });
    if (!numbers.length) return;
    var byLine = {};
    r.findings.forEach(function (f, k) { if (f.line) (byLine[f.line] = byLine[f.line] || []).push([f, k]); });
    body.appendChild(el("h3", null, w.text));
    var box = el("div", "text-view");
    numbers.forEach(function (n) {
      var row = el("div", "line"), marks = byLine[n], text = r.text[String(n)];
      row.id = "l-" + (r.anchor || "") + n;
      if (r.lines !== false) row.appendChild(el("span", "lno", n));
      if (!marks) { row.appendChild(document.createTextNode(text)); box.appendChild(row); return; }
      var worst = marks.some(function (m) { return m[0].sev === "error"; }) ? "error"
                : marks.some(function (m) { return m[0].sev === "warning"; }) ? "warning" : "info";
      row.className += " marked " + worst;
      var col = marks[0][0].colno;
      if (col && col > 1 && col <= text.length) {
        row.appendChild(document.createTextNode(text.slice(0, col - 1)));
        row.appendChild(el("mark", worst, text.slice(col - 1)));
      } else {
        row.appendChild(el("mark", worst, text));
      }
      marks.forEach(function (m) {
        var a = el("a", "code " + m[0].sev, m[0].rule);
        a.href = "#f-" + (r.anchor || "") + m[1];
        a.title = m[0].msg;
        row.appendChild(a);
      });
      box.appendChild(row);
    });
    body.appendChild(box);
  }

  // Draw report `r` into `body` (an element inside a `.dv`), with the page's labels `L`.
  function render(body, r, L) {
    var w = words(L);
    body.textContent = "";
    if (r.error) body.appendChild(el("p", "dv-error", w.cannotRead + r.error));
    else renderSections(body, r, L, w);
    if (!r.error) renderTables(body, r, L, w);
    renderFindings(body, r, L, w);
    if (!r.error && r.fullText) renderText(body, r, L, w);
  }

  return {render: render, title: title, meta: meta};
})();
