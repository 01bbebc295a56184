"""Build-time math: KaTeX running in an embedded V8 (mini-racer), one context per build.

Rendering at build time keeps pages readable without JavaScript and exposes MathML to assistive
technology. Starting V8 and loading KaTeX costs a few hundred milliseconds, so one
`MathRenderer` is shared by every page of a build and formulas are memoised.
"""

from __future__ import annotations

import json
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

from py_mini_racer import JSEvalException, JSTimeoutException, MiniRacer

from continuous_function.diagnostics import CfnError

KATEX_JS = Path("katex", "dist", "katex.min.js")
NODE_MODULES_ENV = "CFN_NODE_MODULES"

# KaTeX's ParseError carries the offending position; return it as data rather than letting it
# cross the V8 boundary as an exception whose message is all that survives. Commands that need
# trust (\href, \url, \includegraphics, \html*) are refused, and reported rather than shown as
# red text.
_BRIDGE_JS = """
function cfnRenderMath(tex, display) {
  var refused = [];
  try {
    var html = katex.renderToString(tex, {
      displayMode: display, output: "htmlAndMathml", throwOnError: true, strict: "ignore",
      trust: function (context) { refused.push(context.command); return false; }});
  } catch (e) {
    if (!(e instanceof katex.ParseError)) { throw e; }
    return {ok: false, message: e.rawMessage,
            position: typeof e.position === "number" ? e.position : null,
            length: typeof e.length === "number" ? e.length : null};
  }
  if (refused.length > 0) {
    var at = tex.indexOf(refused[0]);
    return {ok: false, position: at < 0 ? null : at, length: refused[0].length,
            message: refused[0] + " is disabled in formulas (no links, images or HTML in math)"};
  }
  return {ok: true, html: html};
}
"""


class TexRenderer(Protocol):
    """What rendering a page needs of KaTeX; `MathRenderer` or a lazily starting wrapper."""

    def render(self, tex: str, display: bool) -> str:
        """HTML for `tex`; raises `KatexError` when the TeX is invalid."""
        ...


class KatexNotFoundError(CfnError, RuntimeError):
    """The npm assets are missing: an installation problem, not a content problem."""


class KatexError(ValueError):
    """KaTeX refused a formula; `position` is an index into the TeX string when KaTeX knows it."""

    def __init__(self, message: str, position: int | None, length: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.position = position
        self.length = length


def find_node_modules() -> Path:
    """The `node_modules` holding KaTeX: `$CFN_NODE_MODULES`, else the nearest one above here."""
    override = os.environ.get(NODE_MODULES_ENV)
    if override:
        candidate = Path(override)
        if not (candidate / KATEX_JS).is_file():
            raise KatexNotFoundError(
                f"{NODE_MODULES_ENV}={override!r} has no {KATEX_JS.as_posix()}; point it at the "
                "node_modules folder where `npm ci` installed katex."
            )
        return candidate
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "node_modules"
        if (candidate / KATEX_JS).is_file():
            return candidate
    raise KatexNotFoundError(
        f"KaTeX not found: no node_modules/{KATEX_JS.as_posix()} in any folder above "
        f"{here.parent}; run `npm ci` in the project root or set "
        f"{NODE_MODULES_ENV}=/path/to/node_modules."
    )


def katex_version() -> str:
    """The installed KaTeX's version: part of the key of every cached rendering."""
    package = find_node_modules() / KATEX_JS.parents[1] / "package.json"
    return str(json.loads(package.read_text(encoding="utf-8"))["version"])


def katex_dist() -> Path:
    """KaTeX's `dist` folder, whose CSS and fonts the site copies next to the pages."""
    return find_node_modules() / KATEX_JS.parent


FORMULA_S = 5.0
"""A backstop per formula (a typical one takes well under a millisecond); KaTeX's own
`maxExpand` already stops runaway macros."""


class MathRenderer:
    """Renders TeX to KaTeX HTML+MathML. Use as a context manager: V8 must be closed explicitly
    or the interpreter can hang at exit.

    Thread-safe (a lock serialises access to the single V8 context) so a dev server may share it.
    V8 lives on a thread of its own: mini-racer adopts the asyncio loop running where the context
    is made, and then refuses per-call timeouts on it (Playwright's sync API, a Starlette handler).
    """

    def __init__(self, katex_js: Path | None = None) -> None:
        script = (katex_js or find_node_modules() / KATEX_JS).read_text(encoding="utf-8")
        self._lock = threading.Lock()
        self._v8 = ThreadPoolExecutor(max_workers=1, thread_name_prefix="katex")
        self._ctx: MiniRacer | None = self._v8.submit(MiniRacer).result()
        try:
            self._on_v8(self._ctx.eval, script)
            self._on_v8(self._ctx.eval, _BRIDGE_JS)
        except BaseException:
            self.close()
            raise

    def _on_v8(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        return self._v8.submit(fn, *args, **kwargs).result()

    def render(self, tex: str, display: bool) -> str:
        """KaTeX HTML for `tex`; raises `KatexError` when KaTeX cannot parse it."""
        with self._lock:
            if self._ctx is None:
                raise RuntimeError("MathRenderer is closed; create a new one for this build.")
            try:
                result: Any = self._on_v8(
                    self._ctx.call, "cfnRenderMath", tex, display, timeout_sec=FORMULA_S
                )
            except JSTimeoutException:
                raise KatexError(f"KaTeX ran for more than {FORMULA_S:g} s", None, None) from None
            except JSEvalException as exc:  # RangeError: stack exhausted by deep nesting
                first = str(exc).splitlines()[0].split(": ", 1)[-1]
                raise KatexError(
                    f"the formula is nested too deeply ({first})", None, None
                ) from None
        if result["ok"]:
            return str(result["html"])
        position, length = result["position"], result["length"]
        raise KatexError(
            str(result["message"]),
            None if position is None else int(position),
            None if length is None else int(length),
        )

    def close(self) -> None:
        with self._lock:
            if self._ctx is not None:
                self._on_v8(self._ctx.close)
                self._ctx = None
            self._v8.shutdown()

    def __enter__(self) -> MathRenderer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
