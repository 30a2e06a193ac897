/* The view of one report (disclint/report_view): drawn from plain data, textContent only. */
var DisclintView = (function () {
  "use strict";
  var WORDS = {
    zh: {structure: "报告结构", tables: "统计表", findings: "问题", text: "报告正文", line: function (n) { return "第" + n + "行"; },
         page: function (n) { return "第" + n + "页"; }, missing: "缺少：", noHeadings: "未识别出部分标题",
         noTable: "未找到此表", none: "未发现问题。", unread: "无法读取，未检查。", cannotRead: "无法读取：",
         should: "应为 ", was: "，表中为 ", likely: "最可能出错", candidate: "可能出错之一", compare: "对比：",
         year: function (y) { return " · " + y + " 年度"; }, format: function (p) { return p + " 版格式"; },
         published: "发布 ", unknownBody: "（未识别机关）", failing: "未通过的勾稽关系"},
    en: {structure: "Structure", tables: "Tables", findings: "Findings", text: "Report text", line: function (n) { return "line " + n; },
         page: function (n) { return "page " + n; }, missing: "Missing: ", noHeadings: "no section headings recognised",
         noTable: "table not found", none: "Nothing found.", unread: "Not readable, not checked.", cannotRead: "Cannot read: ",
         should: "should be ", was: ", the table has ", likely: "most likely wrong", candidate: "one of the possible cells", compare: "compared with: ",
         year: function (y) { return " · " + y; }, format: function (p) { return p + " format"; },
         published: "published ", unknownBody: "(body not recognised)", failing: "failing identity"}
  };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function fmt(v) { return v === null || v === undefined || v === "" ? "—" : String(v); }

  function title(r, L) {
    var w = WORDS[L.lang || "zh"];
    return (r.agency || w.unknownBody) + (r.year ? w.year(r.year) : "");
  }
  function meta(r, L) {
    var w = WORDS[L.lang || "zh"];
    return [r.title, r.path, r.profile ? w.format(r.profile) : "", r.published ? w.published + r.published : "",
            r.status && L.status ? L.status[r.status] : ""].filter(Boolean).join(" · ");
  }

  // Where the reader finds it in the format they have (a Word table's row and column, a PDF page),
  // as the text output says it; a line number only for a text file.
  function position(f, w) {
    if (f.place) return f.place;
    if (f.page) return w.page(f.page);
    return f.line ? w.line(f.line) : "";
  }

  function renderSections(body, r, L, w) {
    body.appendChild(el("h3", null, w.structure));
    var ul = el("ul", "dv-sections");
    r.sections.forEach(function (s) {
      var li = el("li", s[0] ? null : "other", s[1]);
      if (s[2] && r.lines !== false) li.appendChild(el("span", "ln", w.line(s[2])));
      ul.appendChild(li);
    });
    r.missing.forEach(function (id) { ul.appendChild(el("li", "missing", w.missing + ((L.sections || {})[id] || id))); });
    if (!r.sections.length && !r.missing.length) ul.appendChild(el("li", "other", w.noHeadings));
    body.appendChild(ul);
  }

  // The cells a finding's repair names: {row, column, expected, actual}, with how sure it is.
  function repairCells(f) {
    var out = [];
    if (!f.repairs || !f.repairs.length) return out;
    var sure = f.repairs.length === 1;
    f.repairs.forEach(function (option) {
      option.forEach(function (c) { out.push({row: c.row, col: c.column, exp: c.expected, sure: sure, f: f}); });
    });
    return out;
  }

  function renderTables(body, r, L, w) {
    body.appendChild(el("h3", null, w.tables));
    var byTable = {};
    r.findings.forEach(function (f) { if (f.table) (byTable[f.table] = byTable[f.table] || []).push(f); });
    ["proactive", "requests", "appeals"].forEach(function (tid) {
      var t = r.tables.filter(function (x) { return x.id === tid; })[0];
      var lab = (L.tables || {})[tid] || {rows: {}, cols: {}, title: tid};
      var cap = el("div", "dv-caption", lab.title);
      if (t && t.line && r.lines !== false) cap.appendChild(el("span", "ln", "　" + w.line(t.line)));
      body.appendChild(cap);
      if (!t) { body.appendChild(el("div", "empty", w.noTable)); return; }
      var fails = byTable[tid] || [], suspects = [];
      fails.forEach(function (f) { suspects = suspects.concat(repairCells(f)); });
      var wrap = el("div", "dv-tablewrap"), table = el("table", "dv-grid");
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
          var hit = fails.filter(function (f) { return f.row === rid && f.col === c; })[0];
          var sus = suspects.filter(function (s) { return s.row === rid && s.col === c; })[0];
          if (hit) { td.className = "cell-fail sev-" + hit.sev; td.title = hit.msg; }
          if (sus) {
            td.className = (td.className ? td.className + " " : "") + (sus.sure ? "cell-likely" : "cell-candidate");
            td.title = (sus.sure ? w.likely : w.candidate) + "：" + sus.f.msg;
            td.appendChild(el("span", "expected", w.should + sus.exp));
          } else if (hit && hit.exp !== null && hit.exp !== undefined && (!hit.repairs || !hit.repairs.length)) {
            td.appendChild(el("span", "expected", w.should + hit.exp));
          }
          tr.appendChild(td);
        });
        tb.appendChild(tr);
      });
      table.appendChild(tb); wrap.appendChild(table); body.appendChild(wrap);
    });
  }

  function renderFindings(body, r, L, w, onPick) {
    body.appendChild(el("h3", null, w.findings + "（" + r.findings.length + "）"));
    if (!r.findings.length) { body.appendChild(el("div", "empty", r.error ? w.unread : w.none)); return; }
    var ol = el("ol", "dv-findings");
    r.findings.forEach(function (f, k) {
      var li = el("li", f.sev), head = el("div", "head");
      li.id = "f-" + (r.anchor || "") + k;
      head.appendChild(el("span", "badge " + f.sev, (L.severity || {})[f.sev] || f.sev));
      head.appendChild(el("span", "rule", f.rule));
      head.appendChild(el("span", null, (L.kinds || {})[f.kind] || f.kind));
      var pos = position(f, w);
      if (pos) {
        var a = el("a", "pos", pos);
        a.href = "#l-" + (r.anchor || "") + f.line;
        head.appendChild(a);
      }
      if (f.prev) head.appendChild(el("span", null, w.compare + f.prev.split("/").pop()));
      li.appendChild(head);
      li.appendChild(el("div", "msg", f.msg));
      var excerpt = f.line && r.text[String(f.line)];
      if (excerpt && !r.fullText) {
        var pre = el("pre", "dv-excerpt");
        pre.appendChild(el("span", "lno", f.line));
        pre.appendChild(document.createTextNode(excerpt));
        li.appendChild(pre);
      }
      ol.appendChild(li);
    });
    body.appendChild(ol);
  }

  // The whole text, each line that a finding points at marked, its findings' codes beside it.
  function renderText(body, r, L, w) {
    var numbers = Object.keys(r.text).map(Number).sort(function (a, b) { return a - b; });
    if (!numbers.length) return;
    var byLine = {};
    r.findings.forEach(function (f, k) { if (f.line) (byLine[f.line] = byLine[f.line] || []).push([f, k]); });
    body.appendChild(el("h3", null, w.text));
    var box = el("div", "dv-text");
    numbers.forEach(function (n) {
      var row = el("div", "dv-line"), marks = byLine[n];
      row.id = "l-" + (r.anchor || "") + n;
      row.appendChild(el("span", "lno", n));
      var text = r.text[String(n)];
      if (marks) {
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
      } else {
        row.appendChild(document.createTextNode(text));
      }
      box.appendChild(row);
    });
    body.appendChild(box);
  }

  function render(body, r, L) {
    var w = WORDS[L.lang || "zh"];
    body.textContent = "";
    if (r.error) body.appendChild(el("p", "dv-error", w.cannotRead + r.error));
    renderFindings(body, r, L, w);
    if (!r.error) {
      renderTables(body, r, L, w);
      renderSections(body, r, L, w);
      if (r.fullText) renderText(body, r, L, w);
    }
  }

  return {render: render, title: title, meta: meta, el: el};
})();
