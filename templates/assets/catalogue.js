// umm-survey: sortable, filterable group tables and the BibTeX copy button. No dependencies.
(function () {
  "use strict";

  // A cell's sort key: its data-sort attribute (the real value, written at build time) or its text.
  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) { return ""; }
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
  }

  function isNumber(text) {
    return text !== "" && isFinite(Number(text));
  }

  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

  // Keys are read once per column and kept: numbers before text (empty cells go last; see the sort).
  function sortKey(text) {
    return { empty: text === "", number: isNumber(text) ? Number(text) : null, text: text };
  }

  function compare(a, b) {
    if (a.number !== null && b.number !== null) { return a.number - b.number; }
    if ((a.number !== null) !== (b.number !== null)) { return a.number !== null ? -1 : 1; }
    return collator.compare(a.text, b.text);
  }

  function makeSortable(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    var keys = [];  // per column: Map row -> key, filled on the column's first sort
    Array.prototype.forEach.call(headers, function (header, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "umm-sort";
      button.textContent = header.textContent;
      header.textContent = "";
      header.appendChild(button);
      header.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) { other.setAttribute("aria-sort", "none"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        if (!keys[index]) {
          keys[index] = new Map();
          rows.forEach(function (row) { keys[index].set(row, sortKey(cellValue(row, index))); });
        }
        var column = keys[index];
        rows.sort(function (a, b) {
          var ka = column.get(a), kb = column.get(b);
          if (ka.empty !== kb.empty) { return ka.empty ? 1 : -1; }  // empty cells stay last either way
          var result = compare(ka, kb);
          return ascending ? result : -result;
        });
        // All rows out and back in the new order at once: taking them out one by one into a fragment
        // cost half a second for 2,779 rows once the rows carried their hidden flags.
        if (body.replaceChildren) {
          body.replaceChildren.apply(body, rows);
        } else {
          var fragment = document.createDocumentFragment();
          rows.forEach(function (row) { fragment.appendChild(row); });
          body.appendChild(fragment);
        }
        table.dispatchEvent(new Event("umm-sorted"));  // a paged table shows the first rows of the new order
      });
    });
  }

  // Filters are data-driven: <select data-key="K"> keeps rows whose data-K equals its value;
  // <select data-member="K"> keeps rows whose space-separated data-K holds its value;
  // <select data-range="K"> with a value "low..high" keeps rows with a number in data-K inside the range;
  // <input type="checkbox" data-key="K"> keeps rows whose data-K is "yes"; <input type="checkbox" data-reveals="K">
  // hides rows whose data-K is "no" until it is checked (rewritten prompts); the text box matches row text.
  // Every control with data-param is mirrored in the page address (?size=..7e9&weights=open).
  function inRange(numbers, range) {
    var bounds = range.split("..");
    var low = bounds[0] === "" ? -Infinity : Number(bounds[0]);
    var high = bounds.length < 2 || bounds[1] === "" ? Infinity : Number(bounds[1]);
    return numbers.split(" ").some(function (text) {
      return text !== "" && Number(text) >= low && Number(text) <= high;
    });
  }

  function keeps(row, control) {
    var data = control.dataset;
    if (control.type === "checkbox" && data.reveals) { return control.checked || row.dataset[data.reveals] !== "no"; }
    if (control.type === "checkbox") { return !control.checked || row.dataset[data.key] === "yes"; }
    if (!control.value) { return true; }
    if (data.range) { return inRange(row.dataset[data.range] || "", control.value); }
    if (data.member) { return (" " + (row.dataset[data.member] || "") + " ").indexOf(" " + control.value + " ") !== -1; }
    return row.dataset[data.key] === control.value;
  }

  function readAddress(controls) {
    var params = new URLSearchParams(window.location.search);
    controls.forEach(function (control) {
      var value = params.get(control.dataset.param);
      if (value === null) { return; }
      if (control.type === "checkbox") {
        control.checked = value === control.dataset.paramValue;
      } else {
        if (control.tagName === "SELECT" && !Array.prototype.some.call(control.options, function (option) { return option.value === value; })) {
          var option = document.createElement("option");
          option.value = value;
          option.textContent = value.replace("..", " to ");
          control.appendChild(option);
        }
        control.value = value;
      }
    });
  }

  function writeAddress(controls) {
    var url = new URL(window.location.href);
    controls.forEach(function (control) {
      var value = control.type === "checkbox" ? (control.checked ? control.dataset.paramValue : "") : control.value.trim();
      if (value) { url.searchParams.set(control.dataset.param, value); } else { url.searchParams.delete(control.dataset.param); }
    });
    if (url.toString() !== window.location.href) { window.history.replaceState(null, "", url.toString()); }
  }

  // A table with data-page="N" shows its first N matching rows until the reader asks for all
  // (the button after it, or ?rows=all in the address); sorting and filtering keep that limit.
  function makeFilterable(controls, table, noMatch, more) {
    var limit = table.hasAttribute("data-page") ? Number(table.getAttribute("data-page")) : Infinity;
    var everything = new URLSearchParams(window.location.search).get("rows") === "all";
    var text = controls.querySelector(".umm-filter-text");
    var filters = Array.prototype.slice.call(controls.querySelectorAll("select, input[type=checkbox]"));
    var addressed = Array.prototype.slice.call(controls.querySelectorAll("[data-param]"));
    var count = controls.querySelector(".umm-filter-count");
    var rows = table.tBodies[0].rows;
    var texts = new Map();  // computed once per row: sorting moves rows, so never look texts up by position
    Array.prototype.forEach.call(rows, function (row) { texts.set(row, row.textContent.toLowerCase()); });
    function apply() {
      var needle = text ? text.value.trim().toLowerCase() : "";
      var shown = 0, matching = 0;
      Array.prototype.forEach.call(rows, function (row) {
        var match = (!needle || texts.get(row).indexOf(needle) !== -1) && filters.every(function (control) { return keeps(row, control); });
        var visible = match && (everything || matching < limit);
        if (match) { matching += 1; }
        if (row.hidden === visible) { row.hidden = !visible; }  // touch only rows that change
        if (visible) { shown += 1; }
      });
      if (count) { count.textContent = shown + " of " + rows.length + " shown"; }
      if (more) {
        more.hidden = shown === matching;
        more.querySelector("button").textContent = "Show all " + matching + " matching rows";
      }
      if (noMatch) { noMatch.hidden = shown !== 0 || rows.length === 0; }
      writeAddress(addressed);
    }
    function reset() {
      if (text) { text.value = ""; }
      filters.forEach(function (control) { if (control.type === "checkbox") { control.checked = false; } else { control.value = ""; } });
      apply();
    }
    readAddress(addressed);
    [text].concat(filters).forEach(function (control) {
      if (!control) { return; }
      control.addEventListener("input", apply);
      control.addEventListener("change", apply);
    });
    document.querySelectorAll(".umm-filter-reset").forEach(function (button) { button.addEventListener("click", reset); });
    table.addEventListener("umm-sorted", apply);
    if (more) {
      more.querySelector("button").addEventListener("click", function () {
        everything = true;
        var url = new URL(window.location.href);
        url.searchParams.set("rows", "all");
        window.history.replaceState(null, "", url.toString());
        apply();
      });
    }
    controls.hidden = false;
    apply();
    table.classList.add("umm-filtered");  // the rows' own hidden flags rule from here on (catalogue.css)
  }

  function setUpCopyButtons() {
    document.querySelectorAll(".umm-copy").forEach(function (button) {
      button.addEventListener("click", function () {
        var source = document.getElementById(button.dataset.copyTarget);
        if (!source || !navigator.clipboard) { return; }
        navigator.clipboard.writeText(source.textContent).then(function () {
          button.textContent = "Copied";
          setTimeout(function () { button.textContent = "Copy BibTeX"; }, 2000);
        });
      });
    });
  }

  // The theme's search dialog has no accessible name; give it one.
  function nameDialogs() {
    document.querySelectorAll("[role=dialog]:not([aria-label]):not([aria-labelledby])").forEach(function (dialog) {
      dialog.setAttribute("aria-label", "Search the catalogue");
    });
  }

  // The leaderboards page: one chart per pair of benchmarks; the two selects show the chosen pair.
  function setUpScatterChoice() {
    var form = document.querySelector(".umm-scatter-choice");
    var charts = document.querySelectorAll(".umm-scatter");
    if (!form || !charts.length) { return; }
    var across = form.querySelector("[data-axis=x]"), up = form.querySelector("[data-axis=y]");
    function show() {
      charts.forEach(function (chart) { chart.hidden = !(chart.dataset.x === across.value && chart.dataset.y === up.value); });
      var shown = Array.prototype.some.call(charts, function (chart) { return !chart.hidden; });
      form.querySelector(".umm-no-match").hidden = shown;
    }
    var none = document.createElement("p");
    none.className = "umm-no-match";
    none.textContent = "No model reports both of these benchmarks yet.";
    form.appendChild(none);
    across.addEventListener("change", show);
    up.addEventListener("change", show);
    form.hidden = false;
    show();
    document.documentElement.classList.add("umm-scatter-chosen");  // the charts' own hidden flags rule from here on
  }

  function start() {
    nameDialogs();
    setUpScatterChoice();
    document.querySelectorAll("table.umm-sortable").forEach(function (table) { makeSortable(table); });
    document.querySelectorAll(".umm-filters").forEach(function (controls) {
      var next = controls.nextElementSibling, noMatch = null;
      while (next && !next.querySelector("table.umm-sortable") && !next.matches("table.umm-sortable")) {
        if (next.classList.contains("umm-no-match")) { noMatch = next; }
        next = next.nextElementSibling;
      }
      var more = next && next.nextElementSibling && next.nextElementSibling.classList.contains("umm-more") ? next.nextElementSibling : null;
      if (next) { makeFilterable(controls, next.matches("table") ? next : next.querySelector("table.umm-sortable"), noMatch, more); }
    });
    document.documentElement.classList.add("umm-tables-ready");  // the "show all" buttons' own hidden flags rule from here on
    setUpCopyButtons();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

// The compare page: ?models=a,b,c (at most four), facts and headline results from compare.json.
(function () {
  "use strict";
  var LIMIT = 4;

  function chosenIds() {
    var value = new URLSearchParams(window.location.search).get("models") || "";
    return value.split(",").map(function (id) { return id.trim(); }).filter(Boolean).slice(0, LIMIT);
  }

  function cell(tag, text, href) {
    var element = document.createElement(tag);
    if (href) {
      var link = document.createElement("a");
      link.href = href;
      link.textContent = text;
      element.appendChild(link);
    } else {
      element.textContent = text === "" || text === undefined ? "–" : text;
    }
    if (tag === "th") { element.scope = href ? "col" : "row"; }
    return element;
  }

  function render(root, models, ids) {
    var table = root.querySelector(".umm-compare-table");
    var status = root.querySelector(".umm-compare-status");
    var chosen = ids.map(function (id) { return models[id]; }).filter(Boolean);
    table.textContent = "";
    if (!chosen.length) {
      status.textContent = "Choose up to four models to compare.";
      return;
    }
    status.textContent = "Comparing " + chosen.map(function (model) { return model.name; }).join(", ") + ".";
    var head = table.createTHead().insertRow();
    head.appendChild(document.createElement("td"));  // the corner: empty, so it needs no header of its own
    chosen.forEach(function (model) { head.appendChild(cell("th", model.name, "entries/" + model.id + ".html")); });
    var body = table.createTBody();
    function addRow(label, pick) {
      var row = body.insertRow();
      row.appendChild(cell("th", label));
      chosen.forEach(function (model) { row.appendChild(cell("td", pick(model))); });
    }
    addRow("Date", function (model) { return model.date; });
    addRow("Venue", function (model) { return model.venue; });
    Object.keys(chosen[0].facts).forEach(function (label) {
      addRow(label, function (model) { return model.facts[label]; });
    });
    var names = [];
    chosen.forEach(function (model) {
      Object.keys(model.results).forEach(function (name) { if (names.indexOf(name) === -1) { names.push(name); } });
    });
    names.sort().forEach(function (name) {
      addRow(name, function (model) {
        var slot = model.results[name];
        if (!slot) { return ""; }
        var parts = [];
        if (slot.reported) { parts.push(slot.reported + " reported"); }
        if (slot.reproduced) { parts.push(slot.reproduced + " re-run"); }
        return parts.join("; ");
      });
    });
  }

  function start() {
    var root = document.querySelector(".umm-compare");
    if (!root || !window.fetch) { return; }
    fetch(root.dataset.source).then(function (response) { return response.json(); }).then(function (data) {
      var models = {}, byName = {};
      data.models.forEach(function (model) { models[model.id] = model; byName[model.name.toLowerCase()] = model.id; });
      var ids = chosenIds().filter(function (id) { return models[id]; });
      function save() {
        var url = new URL(window.location.href);
        if (ids.length) { url.searchParams.set("models", ids.join(",")); } else { url.searchParams.delete("models"); }
        window.history.replaceState(null, "", url.toString());
        render(root, models, ids);
      }
      var input = root.querySelector("#umm-compare-input");
      root.querySelector(".umm-compare-form").addEventListener("submit", function (event) {
        event.preventDefault();
        var id = byName[input.value.trim().toLowerCase()] || (models[input.value.trim()] ? input.value.trim() : null);
        var status = root.querySelector(".umm-compare-status");
        if (!id) { status.textContent = "No model named " + input.value + "."; return; }
        if (ids.indexOf(id) === -1) {
          if (ids.length >= LIMIT) { status.textContent = "At most four models; clear one first."; return; }
          ids.push(id);
        }
        input.value = "";
        save();
      });
      root.querySelector(".umm-compare-clear").addEventListener("click", function () { ids = []; save(); });
      root.hidden = false;
      render(root, models, ids);
    }).catch(function () {
      root.querySelector(".umm-compare-status").textContent = "The comparison could not be loaded; the list of models below still links to each one.";
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
