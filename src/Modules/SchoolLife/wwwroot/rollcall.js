// Roll call: progressive enhancement of a plain form (it works without this script).
// Shows the minutes field only for late pupils, and counts absences and late arrivals as the teacher taps.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("[data-roll-call]");
    if (!form) { return; }
    var count = form.querySelector("[data-roll-call-count]");
    var absentLabel = document.documentElement.lang === "en" ? "absent" : "absent(s)";
    var lateLabel = document.documentElement.lang === "en" ? "late" : "retard(s)";

    function refresh() {
      var absent = 0, late = 0;
      form.querySelectorAll("[data-pupil]").forEach(function (row) {
        var checked = row.querySelector("input[type=radio]:checked");
        var value = checked ? checked.value : "Present";
        var minutes = row.querySelector("[data-late-minutes]");
        if (minutes) { minutes.hidden = value !== "Late"; }
        if (value === "Absent") { absent++; }
        if (value === "Late") { late++; }
      });
      if (count) { count.textContent = absent + " " + absentLabel + ", " + late + " " + lateLabel; }
    }

    form.addEventListener("change", refresh);
    refresh();
  });
})();
