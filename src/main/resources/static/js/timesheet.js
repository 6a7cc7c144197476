// The timesheet's script: the running timer ticks (and shows in the tab's title, again after each
// live reload: live.js), and a few keys move around — n: new entry, s: start or stop the timer, ← →:
// the day before or after; choosing a person opens their sheet. Everything here is a convenience:
// every action is a form that works without it.
(function () {
  "use strict";
  var title = document.title;
  var ticking = null;

  function hoursMinutes(seconds) {
    var minutes = Math.floor(Math.max(0, seconds) / 60);
    var rest = minutes % 60;
    return Math.floor(minutes / 60) + ":" + (rest < 10 ? "0" : "") + rest;
  }

  // (Re)starts the running timer's tick from the page as it now is: after a live reload the timer
  // may have started, stopped or changed.
  function watchTimer() {
    clearInterval(ticking);
    ticking = null;
    document.title = title;
    var elapsed = document.getElementById("elapsed");
    var since = elapsed && elapsed.dataset.since ? Number(elapsed.dataset.since) : null;
    if (!since) {
      return;
    }
    var tick = function () {
      var text = hoursMinutes(Date.now() / 1000 - since);
      elapsed.textContent = text;
      document.title = "▶ " + text + " · " + title;
    };
    tick();
    ticking = setInterval(tick, 15000);
  }

  watchTimer();

  document.addEventListener("htmx:afterSettle", watchTimer);

  function typing(target) {
    return target.closest("input, select, textarea, [contenteditable]") !== null;
  }

  function go(offsetDays) {
    var link = document.querySelector(".week .day.selected");
    var days = Array.prototype.slice.call(document.querySelectorAll(".week .day"));
    var at = days.indexOf(link) + offsetDays;
    if (at >= 0 && at < days.length) {
      days[at].click();
    } else {
      var step = document.querySelectorAll(".week .step")[offsetDays < 0 ? 0 : 1];
      if (step) {
        step.click();
      }
    }
  }

  // the person picker opens the chosen sheet at once (its Show button does it without a script)
  document.addEventListener("change", function (event) {
    if (event.target.matches("[data-submit-on-change]")) {
      event.target.form.requestSubmit();
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) {
      return;
    }
    if (event.key === "n") {
      var duration = document.getElementById("add-duration") || document.getElementById("add-started");
      if (duration) {
        event.preventDefault();
        duration.focus();
      }
    } else if (event.key === "s") {
      var control = document.getElementById("stop") || document.getElementById("timer-description");
      if (control) {
        event.preventDefault();
        control.focus();
      }
    } else if (event.key === "ArrowLeft") {
      go(-1);
    } else if (event.key === "ArrowRight") {
      go(1);
    }
  });
})();
