/* claimsift HTML report: claim details on click, hover highlight, stance colouring per hypothesis.
   Inlined at render time. Builds every element with textContent, never innerHTML: document text stays text. */
(function () {
  "use strict";
  var dataNode = document.getElementById("claimsift-data");
  if (!dataNode) { return; }
  var data = JSON.parse(dataNode.textContent);
  var claims = data.claims || {};
  var panel = document.getElementById("detail");
  var body = panel ? panel.querySelector(".detail-body") : null;
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.c"));
  var byClaim = {};
  var current = null;

  marks.forEach(function (m) {
    (m.getAttribute("data-claims") || "").split(" ").forEach(function (id) {
      if (id) { (byClaim[id] = byClaim[id] || []).push(m); }
    });
  });

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }

  function link(href, text, claim) {
    var a = el("a", text);
    a.setAttribute("href", href);
    if (claim) { a.setAttribute("data-claim", claim); }
    return a;
  }

  function row(dl, term, value) {
    if (value === undefined || value === null || value === "") { return; }
    dl.appendChild(el("dt", term));
    var dd = el("dd");
    if (typeof value === "string") { dd.textContent = value; } else { dd.appendChild(value); }
    dl.appendChild(dd);
  }

  function sides(stance) {
    return Object.keys(stance || {}).map(function (h) { return h + " " + stance[h]; }).join(", ");
  }

  function overall(c) {
    var seen = {};
    Object.keys(c.stance || {}).forEach(function (h) { seen[c.stance[h]] = true; });
    if (seen.supports && seen.refutes) { return "mixed"; }
    return seen.supports ? "supports" : seen.refutes ? "refutes" : "neutral";
  }

  function grade(c) {
    if (!c.grade) { return "not graded"; }
    return c.grade + " (" + c.gradeMeaning + ")" + (c.gradeDefault ? " · claimsift default" : " · set by analyst");
  }

  function weights(c) {
    return Object.keys(c.drivers || {}).map(function (h) {
      var w = c.drivers[h];
      return h + " " + (w >= 0 ? "+" : "") + w.toFixed(2);
    }).join(", ");
  }

  function group(c) {
    if (!c.group) { return ""; }
    var span = el("span");
    span.appendChild(link("#ach-" + c.group, c.group));
    if (c.groupLabel) { span.appendChild(document.createTextNode(" · " + c.groupLabel)); }
    return span;
  }

  function where(c) {
    var span = el("span");
    span.appendChild(link("#doc-" + c.doc, c.docTitle));
    span.appendChild(document.createTextNode(" · characters " + c.start + "–" + c.end));
    return span;
  }

  function also(id, mark) {
    var ids = mark ? (mark.getAttribute("data-claims") || "").split(" ") : [];
    ids = ids.filter(function (x) { return x && x !== id; });
    if (!ids.length) { return ""; }
    var span = el("span", null, "also");
    ids.forEach(function (x) { span.appendChild(link("#claim-" + x, x, x)); });
    return span;
  }

  function fill(c, mark) {
    body.textContent = "";
    body.appendChild(el("h4", c.id + " · " + (sides(c.stance) || "no hypothesis")));
    body.appendChild(el("blockquote", c.text));
    var dl = el("dl");
    row(dl, "Source", c.source + " (" + c.sourceKind + ")" + (c.resolvedFrom ? " · from “" + c.resolvedFrom + "”" : ""));
    row(dl, "Via", (c.via || []).join(" → "));
    row(dl, "Cue", c.cue ? c.cue + (c.polarity !== "assert" ? " (" + c.polarity + ")" : "") : "");
    row(dl, "Evidence", c.evidence);
    row(dl, "Admiralty", grade(c));
    row(dl, "Hedged", c.hedged ? "yes" + (c.hedgeCues.length ? ": " + c.hedgeCues.join(", ") : "") : "no");
    row(dl, "Event date", c.eventDate);
    row(dl, "Stated date", c.statedDate);
    row(dl, "Evidence group", group(c));
    row(dl, "Weight", weights(c));
    row(dl, "Document", where(c));
    row(dl, "Fragmentary", c.fragmentary ? "yes: crosses a gap in the transcript" : "");
    row(dl, "Overlaps", also(c.id, mark));
    body.appendChild(dl);
  }

  function select(id) {
    document.querySelectorAll(".sel").forEach(function (n) { n.classList.remove("sel"); });
    (byClaim[id] || []).forEach(function (m) { m.classList.add("sel"); });
    document.querySelectorAll('[data-claim="' + CSS.escape(id) + '"]').forEach(function (n) {
      n.classList.add("sel");
    });
  }

  function show(id, mark) {
    var c = claims[id];
    if (!c || !panel || !body) { return; }
    current = id;
    fill(c, mark || (byClaim[id] || [])[0]);
    select(id);
    panel.hidden = false;
  }

  function hide() {
    if (panel) { panel.hidden = true; }
    current = null;
    document.querySelectorAll(".sel").forEach(function (n) { n.classList.remove("sel"); });
  }

  function fromMark(mark) {
    var ids = (mark.getAttribute("data-claims") || "").split(" ").filter(Boolean);
    var at = ids.indexOf(current);
    return at >= 0 && ids.length > 1 ? ids[(at + 1) % ids.length] : ids[0];
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
    if (target.closest(".detail .close")) { hide(); return; }
    var mark = target.closest("mark.c");
    if (mark) { show(fromMark(mark), mark); return; }
    var ref = target.closest("[data-claim]");
    if (ref) { show(ref.getAttribute("data-claim")); }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { hide(); return; }
    var mark = event.target instanceof Element ? event.target.closest("mark.c") : null;
    if (mark && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      show(fromMark(mark), mark);
    }
  });

  function hover(event, on) {
    var mark = event.target instanceof Element ? event.target.closest("mark.c") : null;
    if (!mark) { return; }
    var id = (mark.getAttribute("data-claims") || "").split(" ")[0];
    (byClaim[id] || []).forEach(function (m) { m.classList.toggle("hover", on); });
  }
  document.addEventListener("mouseover", function (e) { hover(e, true); });
  document.addEventListener("mouseout", function (e) { hover(e, false); });

  var chooser = document.getElementById("stance-for");
  if (chooser) {
    chooser.addEventListener("change", function () {
      var h = chooser.value;
      marks.forEach(function (m) {
        var c = claims[(m.getAttribute("data-claims") || "").split(" ")[0]];
        if (!c) { return; }
        var stance = h ? (c.stance[h] || "neutral") : overall(c);
        ["supports", "refutes", "mixed", "neutral"].forEach(function (s) { m.classList.remove("st-" + s); });
        m.classList.add("st-" + stance);
      });
    });
  }

  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
    hide();
  });

  if (location.hash.indexOf("#claim-") === 0) { show(decodeURIComponent(location.hash.slice(7))); }
}());
