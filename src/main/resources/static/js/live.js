// A page that follows changes as they happen (GET /events, decision 020): its #refresher (an htmx
// element triggered by the stream's events) reloads the page's live part in place. A reload waits
// while the person is typing into the page or has an edit form open, and happens as soon as they
// leave the field or close the form; a stream that had to reconnect may have missed changes, so
// the page reloads once it is back. <html data-live> says whether the stream is open.
(function () {
  "use strict";
  var held = false;
  var streamOpened = false;

  function editing() {
    var active = document.activeElement;
    return document.querySelector("main details.edit[open]") !== null
      || active !== null && active.closest("main") !== null
        && active.matches("input:not([type=hidden]):not([type=submit]), select, textarea");
  }

  function reload() {
    var refresher = document.getElementById("refresher");
    if (refresher && window.htmx) {
      window.htmx.trigger(refresher, "refresh");
    }
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    if (event.detail.elt.id === "refresher" && editing()) {
      event.preventDefault();
      held = true;
    }
  });
  function reloadIfHeld() {
    setTimeout(function () {
      if (held && !editing()) {
        held = false;
        reload();
      }
    }, 0);
  }
  document.addEventListener("focusout", reloadIfHeld);
  // an edit form closed without saving (toggle does not bubble: listen as it descends)
  document.addEventListener("toggle", reloadIfHeld, true);
  document.addEventListener("htmx:sseOpen", function () {
    document.documentElement.dataset.live = "open";
    if (streamOpened) {
      reload();
    }
    streamOpened = true;
  });
  document.addEventListener("htmx:sseError", function () {
    document.documentElement.dataset.live = "closed";
  });

})();
