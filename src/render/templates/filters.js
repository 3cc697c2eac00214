// Filters by severity, rule and outlet. Without JavaScript the form stays
// hidden and every finding shows.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) {
    return;
  }
  var findings = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-outlet]"));
  var shown = document.getElementById("shown");

  function apply() {
    var severities = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name=severity]"), function (box) {
      severities[box.value] = box.checked;
    });
    var rule = form.elements.rule.value;
    var outlet = form.elements.outlet.value;
    var visible = 0;
    findings.forEach(function (finding) {
      var matches = severities[finding.dataset.severity] !== false &&
        (rule === "" || finding.dataset.rule === rule) &&
        (outlet === "" || finding.dataset.outlets.split("|").indexOf(outlet) >= 0);
      finding.hidden = !matches;
      if (matches) {
        visible += 1;
      }
    });
    rows.forEach(function (row) {
      row.classList.toggle("dim", outlet !== "" && row.dataset.outlet !== outlet);
    });
    shown.textContent = visible + " of " + findings.length + " findings shown";
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  form.hidden = false;
  apply();
  document.documentElement.setAttribute("data-filters", "ready");
}());
