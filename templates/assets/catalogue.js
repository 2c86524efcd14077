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

  function compare(a, b) {
    if (isNumber(a) && isNumber(b)) { return Number(a) - Number(b); }
    if (isNumber(a) !== isNumber(b) && (a === "" || b === "")) { return a === "" ? 1 : -1; }
    return a.localeCompare(b, undefined, { numeric: true, sensitivity: "base" });
  }

  function makeSortable(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
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
        rows.sort(function (a, b) {
          var result = compare(cellValue(a, index), cellValue(b, index));
          return ascending ? result : -result;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  // Filters are data-driven: <select data-key="K"> keeps rows whose data-K equals its value;
  // <input type="checkbox" data-key="K"> keeps rows whose data-K is "yes"; the text box matches row text.
  function makeFilterable(controls, table) {
    var text = controls.querySelector(".umm-filter-text");
    var selects = Array.prototype.slice.call(controls.querySelectorAll("select[data-key]"));
    var checks = Array.prototype.slice.call(controls.querySelectorAll("input[type=checkbox][data-key]"));
    var count = controls.querySelector(".umm-filter-count");
    function apply() {
      var needle = text ? text.value.trim().toLowerCase() : "";
      var shown = 0, rows = table.tBodies[0].rows;
      Array.prototype.forEach.call(rows, function (row) {
        var visible = !needle || row.textContent.toLowerCase().indexOf(needle) !== -1;
        selects.forEach(function (select) {
          if (select.value && row.dataset[select.dataset.key] !== select.value) { visible = false; }
        });
        checks.forEach(function (check) {
          if (check.checked && row.dataset[check.dataset.key] !== "yes") { visible = false; }
        });
        row.hidden = !visible;
        if (visible) { shown += 1; }
      });
      if (count) { count.textContent = shown + " of " + rows.length + " shown"; }
    }
    [text].concat(selects, checks).forEach(function (control) {
      if (!control) { return; }
      control.addEventListener("input", apply);
      control.addEventListener("change", apply);
    });
    controls.hidden = false;
    apply();
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

  function start() {
    document.querySelectorAll("table.umm-sortable").forEach(function (table) {
      makeSortable(table);
      var controls = table.previousElementSibling;
      if (controls && controls.classList.contains("umm-filters")) { makeFilterable(controls, table); }
    });
    setUpCopyButtons();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
