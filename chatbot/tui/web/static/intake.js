// The intake's page script (intake.html), served from this server: the page has no inline
// script, so its Content-Security-Policy can allow scripts from this server alone.
"use strict";

(function () {
  const body = document.body;
  const terminal = document.getElementById("terminal");

  // The app's websocket, beside this page at whatever address the browser used (directly, or
  // through a reverse proxy). textual-serve's script reads it when the page has loaded.
  const socket = new URL("ws", window.location.href);
  socket.protocol = window.location.protocol === "https:" ? "wss:" : "ws:";
  terminal.dataset.sessionWebsocketUrl = socket.href;

  // Keys reach the app only when xterm's hidden text box has the focus: give it the focus as
  // soon as the app is connected (not before: the focus is sent to the app over the socket),
  // and again whenever the window comes back, so nobody has to click first.
  function focusTerminal() {
    const input = terminal.querySelector(".xterm-helper-textarea");
    if (input && body.classList.contains("-loaded") && !body.classList.contains("-closed")) {
      input.focus();
    }
  }

  function ended() {
    const again = document.getElementById("start-again");
    if (document.activeElement) {
      document.activeElement.blur();
    }
    again.focus();
  }

  new MutationObserver(function () {
    if (body.classList.contains("-closed")) {
      ended();
    } else {
      focusTerminal();
    }
  }).observe(body, { attributes: true, attributeFilter: ["class"] });
  window.addEventListener("focus", focusTerminal);

  // textual-serve's script fetches a file the app delivers (the summary) by opening its
  // one-use URL, at the root of the site, in a new tab, which a popup blocker may stop: fetch
  // it in this tab instead, as a download, beside this page (so behind a proxy's path too).
  const openWindow = window.open;
  window.open = function (url, target, features) {
    const address = new URL(url, window.location.href);
    if (address.origin === window.location.origin && address.pathname.startsWith("/download/")) {
      const link = document.createElement("a");
      link.href = new URL("download/" + address.pathname.slice("/download/".length) + address.search,
                          window.location.href).href;
      link.download = "";
      link.click();
      return null;
    }
    return openWindow.call(window, url, target, features);
  };

  // A new app for a new person; a page brought back from the browser's history never shows
  // the last one's screen.
  document.getElementById("start-again").addEventListener("click", function () {
    window.location.reload();
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      window.location.reload();
    }
  });
})();
