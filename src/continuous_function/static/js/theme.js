// Light/dark theme: follows the OS until the learner picks one; the choice persists.
const KEY = "cfn:theme";
const root = document.documentElement;

function stored() {
  try { return localStorage.getItem(KEY); } catch { return null; }
}

function apply(theme) {
  if (theme === "light" || theme === "dark") root.dataset.theme = theme;
  else delete root.dataset.theme;
}

function effective() {
  return root.dataset.theme || (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
}

apply(stored());

function bind() {
  const button = document.getElementById("theme-toggle");
  if (!button) return;
  const sync = () => button.setAttribute("aria-pressed", String(effective() === "dark"));
  button.hidden = false;
  sync();
  button.addEventListener("click", () => {
    const next = effective() === "dark" ? "light" : "dark";
    apply(next);
    try { localStorage.setItem(KEY, next); } catch { /* private mode: theme lasts this page */ }
    sync();
  });
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", sync);
  addEventListener("storage", (e) => { if (e.key === KEY) { apply(e.newValue); sync(); } });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", bind);
else bind();
