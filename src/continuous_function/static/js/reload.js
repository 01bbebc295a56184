// Development only (cfn serve): reload when the site is rebuilt; show build failures.
const source = new EventSource("/_cfn/events");
const SCROLL = "cfn:reload-scroll";

const saved = sessionStorage.getItem(SCROLL);
if (saved !== null) {
  sessionStorage.removeItem(SCROLL);
  addEventListener("load", () => scrollTo(0, Number(saved)));
}

source.addEventListener("reload", () => {
  sessionStorage.setItem(SCROLL, String(scrollY));
  location.reload();
});

source.addEventListener("build-error", (event) => {
  const { message } = JSON.parse(event.data);
  let box = document.getElementById("cfn-build-error");
  if (!box) {
    box = document.createElement("pre");
    box.id = "cfn-build-error";
    box.setAttribute("role", "alert");
    box.className = "build-error-overlay";
    document.body.prepend(box);
  }
  box.textContent = "Build failed — still showing the last good version.\n\n" + message;
});
