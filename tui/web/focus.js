// Give the terminal the keyboard as soon as crossread has drawn in it, so the
// first key a reader types reaches the app without a click. xterm.js takes keys
// through a hidden textarea, and the page tells the app about focus only while
// its websocket is open: wait for the first output, then focus.
window.addEventListener("load", () => {
  const ready = () => document.body.classList.contains("-first-byte")
    && document.querySelector(".xterm-helper-textarea") !== null;
  const timer = setInterval(() => {
    if (!ready()) {
      return;
    }
    clearInterval(timer);
    const input = document.querySelector(".xterm-helper-textarea");
    if (document.activeElement === input) {
      input.blur();  // focused before the socket opened: report it again
    }
    input.focus();
  }, 50);
  setTimeout(() => clearInterval(timer), 30000);
});
