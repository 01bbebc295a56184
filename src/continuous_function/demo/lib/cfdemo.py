"""cfdemo: the portable demo library (runs unchanged in CPython and MicroPython).

A concept's ``demo.py`` declares its controls, prediction, derived values, answer, readouts and a
frame of primitives in plot coordinates; :class:`Demo` turns that into ``handle(state, event,
value) -> (state, scene)``. The same call runs in tests (CPython), at build time (the first frame
and the storyboard are rendered into the HTML) and in the learner's browser (MicroPython
WebAssembly), so everything here keeps to what both interpreters do identically:

* numbers become text only through :func:`fmt` / :func:`num`, which round with integer arithmetic
  (CPython rounds ties to even in ``format``; MicroPython and JS do not, and MicroPython's float
  ``repr`` is not the shortest one);
* nothing depends on dict or set iteration order (MicroPython iterates in hash order): every
  ordered thing is a list;
* only ``math`` and ``json`` are imported; no ``typing``, ``dataclasses``, ``str.rjust``, ``**``
  in dict displays or positional-only parameters (MicroPython lacks them).

Type names for mypy live behind ``MYPY`` (never true at run time) and appear only in string
annotations, so neither interpreter evaluates them.
"""

import math

MYPY = False
if MYPY:  # pragma: no cover - only type checkers look inside
    from collections.abc import Callable
    from typing import Any

    Point = tuple[float, float]
    Window = tuple[float, float, float, float]
    Values = dict[str, Any]
    Shape = list[Any]
    Prim = tuple[Any, ...]

VIEW_W = 640
VIEW_H = 400
BOX = (52.0, 12.0, 628.0, 364.0)
"""Plot box inside the SVG viewBox: left, top, right, bottom (room left and below for ticks)."""

RESERVED_EVENTS = ("init", "predict", "reveal", "reset")
MINUS = "\u2212"


# --------------------------------------------------------------------------- number text


def _digits_text(n: int, digits: int) -> str:
    """Place a decimal point `digits` from the right of the non-negative integer `n`."""
    s = str(n)
    if digits <= 0:
        return s
    if len(s) <= digits:
        s = "0" * (digits + 1 - len(s)) + s
    return s[: len(s) - digits] + "." + s[len(s) - digits :]


_POW10 = (1, 10, 100, 1000, 10000, 100000, 1000000, 10000000)


def _scaled(x: float, digits: int) -> int:
    """|x| * 10**digits rounded half away from zero, as an int (identical in both runtimes:
    one IEEE multiply and add, then truncation of a non-negative float)."""
    scale = _POW10[digits] if digits < 8 else 10**digits
    return int(abs(x) * scale + 0.5)


def fmt(x: "float | int", digits: int = 2, plus: bool = False, minus: str = MINUS) -> str:
    """The one way a demo shows a number: fixed `digits` decimals, half away from zero.

    `plus` prefixes positive values with "+"; negative values get a typographic minus (U+2212)
    unless `minus` says otherwise. A value that rounds to zero never shows as "-0.00".
    """
    if x != x:
        return "undefined"
    if x == math.inf:
        return "∞"
    if x == -math.inf:
        return minus + "∞"
    n = _scaled(x, digits)
    text = _digits_text(n, digits)
    if n == 0:
        return text
    if x < 0:
        return minus + text
    return ("+" + text) if plus else text


def num(x: float) -> str:
    """SVG coordinate text: two decimals, ASCII minus, trailing zeros trimmed.

    Same rounding as fmt(x, 2); written out because a scene has hundreds of coordinates."""
    n = int(abs(x) * 100 + 0.5)
    whole = str(n // 100)
    cents = n % 100
    if cents:
        whole = whole + (
            "." + str(cents // 10)
            if cents % 10 == 0
            else (".0" if cents < 10 else ".") + str(cents)
        )
    return "-" + whole if x < 0 and n else whole


# --------------------------------------------------------------------------- controls


class Control:
    """One learner control. `kind` is "select", "slider", "toggle" or "number"."""

    def __init__(
        self,
        kind: str,
        id: str,
        label: str,
        default: "Any",
        lo: float = 0.0,
        hi: float = 0.0,
        step: float = 0.0,
        options: "list[tuple[str, str]] | None" = None,
        digits: int = 2,
    ) -> None:
        self.kind = kind
        self.id = id
        self.label = label
        self.default = default
        self.lo = lo
        self.hi = hi
        self.step = step
        self.options = options or []
        self.digits = digits

    def coerce(self, value: "Any") -> "tuple[Any, str]":
        """Turn a value from a form field (a string) or from Python into this control's type.

        Returns (value, "") or (None, reason). Never evaluates the text: numbers go through
        float(), choices must be one of the declared option values.
        """
        if self.kind == "select":
            for opt in self.options:
                if value == opt[0]:
                    return opt[0], ""
            return None, "not one of " + ", ".join([o[0] for o in self.options])
        if self.kind == "toggle":
            if value is True or value == "true" or value == "on" or value == 1:
                return True, ""
            if value is False or value == "false" or value == "off" or value == 0:
                return False, ""
            return None, "not on or off"
        if type(value) is bool:
            return None, "not a number"
        try:
            x = float(value)
        except (TypeError, ValueError):
            return None, "not a number"
        if x != x or x == math.inf or x == -math.inf:
            return None, "not a finite number"
        if x < self.lo:
            x = float(self.lo)
        if x > self.hi:
            x = float(self.hi)
        return x, ""

    def check(self, value: "Any") -> str:
        """Why `value` is not a valid authored value for this control ("" when it is)."""
        if self.kind in ("slider", "number"):
            if type(value) is bool or not isinstance(value, (int, float)):
                return "must be a number"
            if value < self.lo or value > self.hi:
                return (
                    "must lie in ["
                    + fmt(self.lo, self.digits)
                    + ", "
                    + fmt(self.hi, self.digits)
                    + "]"
                )
            return ""
        got, why = self.coerce(value)
        if got is None or (self.kind == "toggle" and type(value) is not bool):
            return why or "must be true or false"
        return ""

    def display(self, value: "Any") -> str:
        """The text of this control's <output>."""
        if self.kind == "select":
            for opt in self.options:
                if opt[0] == value:
                    return opt[1]
            return str(value)
        if self.kind == "toggle":
            return "on" if value else "off"
        return fmt(value, self.digits)


def select(id: str, label: str, options: "list[tuple[str, str]]", default: str) -> Control:
    """A drop-down choice; `options` is a list of (value, label) in display order."""
    return Control("select", id, label, default, options=list(options))


def slider(
    id: str, label: str, lo: float, hi: float, step: float, default: float, digits: int = 2
) -> Control:
    """A range input over [lo, hi]; its value shows with `digits` decimals."""
    return Control("slider", id, label, float(default), lo, hi, step, None, digits)


def number(
    id: str, label: str, lo: float, hi: float, step: float, default: float, digits: int = 2
) -> Control:
    """A typed number input over [lo, hi] (values outside are clamped)."""
    return Control("number", id, label, float(default), lo, hi, step, None, digits)


def toggle(id: str, label: str, default: bool = False) -> Control:
    """A checkbox."""
    return Control("toggle", id, label, bool(default))


class Prediction:
    """What the learner commits to before the reveal."""

    def __init__(
        self, question: str, options: "list[tuple[str, str]]", resets: "list[str] | None"
    ) -> None:
        self.question = question
        self.options = list(options)
        self.resets = list(resets) if resets is not None else None

    def label(self, option: "str | None") -> str:
        for opt in self.options:
            if opt[0] == option:
                return opt[1]
        return str(option)


def prediction(
    question: str, options: "list[tuple[str, str]]", resets: "list[str] | None" = None
) -> Prediction:
    """Declare the prediction: question text, (id, label) options, controls that clear it.

    `resets=None` means every control clears the prediction: a prediction is about one state.
    """
    return Prediction(question, options, resets)


class Answer:
    """What `@demo.answer` may return instead of a bare option id: the id plus lines to show.

    `also` lists further options that are true of the same state. Options can overlap ("lower"
    and "nearly equal" are both true when the tangent is a hair below the secant), and a
    prediction that is mathematically true must never be marked wrong: the verdict accepts
    `option` and every option in `also`.
    """

    def __init__(
        self, option: str, lines: "list[str] | None" = None, also: "list[str] | None" = None
    ) -> None:
        self.option = option
        self.lines = list(lines or [])
        self.accepted = [option] + [o for o in (also or []) if o != option]


# --------------------------------------------------------------------------- verdict helpers
# A demo's answer and its explanation must hold for every state a learner can reach. These make
# the true statement the short one to write: comparisons with a stated relative tolerance, and
# words picked by the same comparison that picks the answer, so prose cannot drift from the math.


def tolerance(a: float, b: float, rel: float, floor: float = 0.0) -> float:
    """The half-width within which a and b count as level: `rel` of the larger size, or `floor`
    when that is larger (state the floor in the demo's text: it is what decides small values)."""
    return max(rel * max(abs(a), abs(b)), floor)


def compare(a: float, b: float, rel: float = 0.0, floor: float = 0.0) -> int:
    """-1, 0 or 1 as a is below, level with (within :func:`tolerance`) or above b."""
    gap = a - b
    if abs(gap) <= tolerance(a, b, rel, floor):
        return 0
    return 1 if gap > 0 else -1


def sign(x: float) -> int:
    """-1, 0 or 1: the exact sign of x (no tolerance)."""
    return 1 if x > 0 else (-1 if x < 0 else 0)


def pick(order: int, below: str, level: str, above: str) -> str:
    """The word for a comparison result from :func:`compare` or :func:`sign`."""
    return below if order < 0 else (above if order > 0 else level)


def sig_digits(x: float, sig: int = 2, least: int = 2, most: int = 7) -> int:
    """Decimals that show at least `sig` significant digits of x (between `least` and `most`),
    so a small nonzero difference never reads as 0.00 beside a word that says it is not zero.
    Uses the integer scaling of :func:`fmt`, never log10, so both runtimes agree."""
    d = least
    while d < most and _scaled(x, d) < _POW10[sig - 1]:
        d = d + 1
    return d


def banded(order: int, close: bool, options: "list[str]", lines: "list[str]") -> Answer:
    """The answer to a three-way question whose middle option has a tolerance band.

    `options` is [below, level, above]; `order` is the exact side (-1, 0 or 1, from :func:`sign`
    or :func:`compare` with a rounding-size tolerance) and `close` says whether the value lies in
    the stated band. The exact side is always accepted; inside the band the middle option is
    accepted too, so a prediction that is true is never marked wrong.
    """
    side = options[order + 1]
    if close:
        return Answer(options[1], lines, [side])
    return Answer(side, lines)


def percent(part: float, whole: float, digits: int = 1) -> str:
    """`part` as a percentage of |whole|, e.g. "1.0%" (∞ when whole is 0 and part is not)."""
    if whole == 0:
        return "0%" if part == 0 else "∞"
    return fmt(100.0 * abs(part) / abs(whole), digits) + "%"


# --------------------------------------------------------------------------- primitives
# Each primitive is a tuple (kind, id, cls, args, key); `key` asks for memoised conversion.


def path(id: str, points: "list[Point]", cls: str = "curve", key: "Any" = None) -> "Prim":
    """A polyline through `points` (clipped to the plot window)."""
    return ("path", id, cls, points, key)


def curve(
    id: str,
    f: "Callable[[float], float]",
    x0: float,
    x1: float,
    n: int = 121,
    cls: str = "curve",
    key: "Any" = None,
) -> "Prim":
    """The graph of f sampled at n points over [x0, x1]. Give `key` (e.g. the function's name)
    when the curve does not change with the other controls: it is then sampled and converted
    once per key and window, which is what keeps an input near a millisecond in MicroPython."""
    return ("curve", id, cls, (f, x0, x1, n), key)


def line(id: str, p: "Point", slope: "float | None", cls: str = "line") -> "Prim":
    """The infinite line through p with `slope` (None: vertical), clipped to the window."""
    return ("line", id, cls, (p, slope), None)


def segment(id: str, p: "Point", q: "Point", cls: str = "segment") -> "Prim":
    return ("segment", id, cls, (p, q), None)


def arrow(id: str, p: "Point", q: "Point", cls: str = "arrow") -> "Prim":
    """A segment from p to q with a head at q."""
    return ("arrow", id, cls, (p, q), None)


def point(id: str, p: "Point", cls: str = "point", r: float = 5.0) -> "Prim":
    return ("point", id, cls, (p, r), None)


def label(
    id: str,
    p: "Point",
    text: str,
    cls: str = "label",
    anchor: str = "start",
    dx: float = 0.0,
    dy: float = 0.0,
) -> "Prim":
    """Text at p (kept inside the plot box), offset by (dx, dy) pixels; anchor start/middle/end."""
    return ("label", id, cls, (p, text, anchor, dx, dy), None)


def rect(id: str, p: "Point", q: "Point", cls: str = "rect") -> "Prim":
    """The axis-aligned rectangle with opposite corners p and q."""
    return ("rect", id, cls, (p, q, -1.0), None)


def cell(id: str, p: "Point", q: "Point", level: float, cls: str = "cell") -> "Prim":
    """A heatmap cell: a rectangle whose fill opacity is `level` in [0, 1]."""
    return ("rect", id, cls, (p, q, level), None)


def bar(
    id: str, x: float, width: float, height: float, cls: str = "bar", base: float = 0.0
) -> "Prim":
    """A bar centred on x, from `base` up (or down) by `height`."""
    return ("rect", id, cls, ((x - width / 2, base), (x + width / 2, base + height), -1.0), None)


# --------------------------------------------------------------------------- geometry


def _clip(
    x0: float, y0: float, x1: float, y1: float, win: "Window"
) -> "tuple[float, float, float, float, bool, bool] | None":
    """Liang-Barsky: the part of segment (x0,y0)-(x1,y1) inside `win`, with flags saying whether
    each end was kept as is (None when the segment misses the window)."""
    dx = x1 - x0
    dy = y1 - y0
    t0 = 0.0
    t1 = 1.0
    for p, q in ((-dx, x0 - win[0]), (dx, win[1] - x0), (-dy, y0 - win[2]), (dy, win[3] - y0)):
        if p == 0:
            if q < 0:
                return None
        else:
            t = q / p
            if p < 0:
                if t > t1:
                    return None
                if t > t0:
                    t0 = t
            else:
                if t < t0:
                    return None
                if t < t1:
                    t1 = t
    return (x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy, t0 == 0.0, t1 == 1.0)


class Frame:
    """Maps plot coordinates in a window (xmin, xmax, ymin, ymax) to viewBox pixels."""

    def __init__(self, win: "Window") -> None:
        self.win = win
        self.sx = (BOX[2] - BOX[0]) / (win[1] - win[0])
        self.sy = (BOX[3] - BOX[1]) / (win[3] - win[2])

    def px(self, x: float) -> float:
        return BOX[0] + (x - self.win[0]) * self.sx

    def py(self, y: float) -> float:
        return BOX[3] - (y - self.win[2]) * self.sy

    def xy(self, p: "Point") -> str:
        return num(self.px(p[0])) + " " + num(self.py(p[1]))

    def polyline(self, points: "list[Point]") -> str:
        """Path data for `points`, split where the polyline leaves the window."""
        parts = []
        open_end = False
        for i in range(1, len(points)):
            a = points[i - 1]
            b = points[i]
            c = _clip(a[0], a[1], b[0], b[1], self.win)
            if c is None:
                open_end = False
                continue
            if not (open_end and c[4]):
                parts.append("M" + self.xy((c[0], c[1])))
            parts.append("L" + self.xy((c[2], c[3])))
            open_end = c[5]
        return "".join(parts)

    def clamp(self, p: "Point") -> "tuple[float, float]":
        x = min(max(self.px(p[0]), BOX[0]), BOX[2])
        y = min(max(self.py(p[1]), BOX[1]), BOX[3])
        return x, y


def _shape(fr: Frame, prim: "Prim") -> "Shape | None":
    """One primitive as a wire shape [id, tag, attrs, text] in viewBox pixels (None: off-plot)."""
    kind = prim[0]
    pid = prim[1]
    a = prim[3]
    attrs = {"class": prim[2]}
    if kind == "path" or kind == "curve":
        if kind == "curve":
            f, x0, x1, n = a
            pts = [(x0 + (x1 - x0) * i / (n - 1), 0.0) for i in range(n)]
            pts = [(p[0], f(p[0])) for p in pts]
        else:
            pts = a
        attrs["d"] = fr.polyline(pts)
        return [pid, "path", attrs, None]
    if kind in ("line", "segment", "arrow"):
        if kind == "line":
            p, slope = a
            if slope is None:
                ends = (p[0], fr.win[2], p[0], fr.win[3])
            else:
                ends = (
                    fr.win[0],
                    p[1] + slope * (fr.win[0] - p[0]),
                    fr.win[1],
                    p[1] + slope * (fr.win[1] - p[0]),
                )
        else:
            ends = (a[0][0], a[0][1], a[1][0], a[1][1])
        c = _clip(ends[0], ends[1], ends[2], ends[3], fr.win)
        if c is None:
            return None
        if kind != "arrow":
            attrs["x1"] = num(fr.px(c[0]))
            attrs["y1"] = num(fr.py(c[1]))
            attrs["x2"] = num(fr.px(c[2]))
            attrs["y2"] = num(fr.py(c[3]))
            return [pid, "line", attrs, None]
        return [pid, "path", _arrow_attrs(fr, c, attrs), None]
    if kind == "point":
        p, r = a
        if not (fr.win[0] <= p[0] <= fr.win[1] and fr.win[2] <= p[1] <= fr.win[3]):
            return None
        attrs["cx"] = num(fr.px(p[0]))
        attrs["cy"] = num(fr.py(p[1]))
        attrs["r"] = num(r)
        return [pid, "circle", attrs, None]
    if kind == "label":
        p, text, anchor, dx, dy = a
        x, y = fr.clamp(p)
        attrs["x"] = num(x + dx)
        attrs["y"] = num(y + dy)
        if anchor != "start":
            attrs["text-anchor"] = anchor
        return [pid, "text", attrs, text]
    if kind == "rect":
        p, q, level = a
        box = _clip_box(p, q, fr.win)
        if box is None:
            return None
        x0 = fr.px(box[0])
        x1 = fr.px(box[1])
        y0 = fr.py(box[3])
        y1 = fr.py(box[2])
        attrs["x"] = num(x0)
        attrs["y"] = num(y0)
        attrs["width"] = num(x1 - x0)
        attrs["height"] = num(y1 - y0)
        if level >= 0:
            attrs["fill-opacity"] = fmt(min(level, 1.0), 3, False, "-")
        return [pid, "rect", attrs, None]
    raise ValueError("unknown primitive kind " + str(kind))


def _clip_box(p: "Point", q: "Point", win: "Window") -> "Window | None":
    x0 = max(min(p[0], q[0]), win[0])
    x1 = min(max(p[0], q[0]), win[1])
    y0 = max(min(p[1], q[1]), win[2])
    y1 = min(max(p[1], q[1]), win[3])
    if x0 > x1 or y0 > y1:
        return None
    return (x0, x1, y0, y1)


def _arrow_attrs(fr: Frame, c: "Prim", attrs: "dict[str, str]") -> "dict[str, str]":
    x0 = fr.px(c[0])
    y0 = fr.py(c[1])
    x1 = fr.px(c[2])
    y1 = fr.py(c[3])
    length = math.sqrt((x1 - x0) ** 2 + (y1 - y0) ** 2) or 1.0
    ux = (x1 - x0) / length
    uy = (y1 - y0) / length
    head = 9.0
    hx = x1 - ux * head
    hy = y1 - uy * head
    left = num(hx - uy * head * 0.5) + " " + num(hy + ux * head * 0.5)
    right = num(hx + uy * head * 0.5) + " " + num(hy - ux * head * 0.5)
    tip = num(x1) + " " + num(y1)
    attrs["d"] = "M" + num(x0) + " " + num(y0) + "L" + tip + "M" + left + "L" + tip + "L" + right
    return attrs


def nice_step(span: float, target: int = 6) -> float:
    """A 1-2-5 tick step giving about `target` ticks over `span`."""
    raw = span / target
    mag = 10.0 ** math.floor(math.log10(raw))
    for m in (1.0, 2.0, 5.0, 10.0):
        if m * mag >= raw * 0.999:
            return m * mag
    return 10.0 * mag


def _tick_id(prefix: str, k: int) -> str:
    return prefix + ("m" + str(-k) if k < 0 else str(k))


def axes(win: "Window", xlabel: str = "x", ylabel: str = "y") -> "list[Shape]":
    """Grid, zero lines, frame and tick labels for a window (pure function of the window)."""
    fr = Frame(win)
    shapes = []
    grid = []
    ticks = []
    for axis in (0, 1):
        lo = win[2 * axis]
        hi = win[2 * axis + 1]
        step = nice_step(hi - lo)
        # int() kept on purpose: older MicroPython builds return floats from floor/ceil.
        digits = max(0, -int(math.floor(math.log10(step) + 1e-9)))  # noqa: RUF046
        k = int(math.ceil(lo / step - 1e-9))  # noqa: RUF046
        while k * step <= hi + 1e-9:
            v = k * step
            if axis == 0:
                x = num(fr.px(v))
                grid.append("M" + x + " " + num(BOX[1]) + "V" + num(BOX[3]))
                attrs = {"class": "tick", "x": x, "y": num(BOX[3] + 18), "text-anchor": "middle"}
                ticks.append([_tick_id("tx", k), "text", attrs, fmt(v, digits)])
            else:
                y = num(fr.py(v))
                grid.append("M" + num(BOX[0]) + " " + y + "H" + num(BOX[2]))
                attrs = {"class": "tick", "x": num(BOX[0] - 6), "y": num(fr.py(v) + 4)}
                attrs["text-anchor"] = "end"
                ticks.append([_tick_id("ty", k), "text", attrs, fmt(v, digits)])
            k += 1
    shapes.append(["grid", "path", {"class": "grid", "d": "".join(grid)}, None])
    zero = []
    if win[0] <= 0 <= win[1]:
        zero.append("M" + num(fr.px(0)) + " " + num(BOX[1]) + "V" + num(BOX[3]))
    if win[2] <= 0 <= win[3]:
        zero.append("M" + num(BOX[0]) + " " + num(fr.py(0)) + "H" + num(BOX[2]))
    shapes.append(["zero", "path", {"class": "axis", "d": "".join(zero)}, None])
    frame_attrs = {"class": "frame", "x": num(BOX[0]), "y": num(BOX[1])}
    frame_attrs["width"] = num(BOX[2] - BOX[0])
    frame_attrs["height"] = num(BOX[3] - BOX[1])
    shapes.append(["frame", "rect", frame_attrs, None])
    xl = {"class": "axis-label", "x": num(BOX[2]), "y": num(BOX[3] + 34), "text-anchor": "end"}
    shapes.append(["xlabel", "text", xl, xlabel])
    shapes.append(
        ["ylabel", "text", {"class": "axis-label", "x": "4", "y": num(BOX[1] + 10)}, ylabel]
    )
    return shapes + ticks


# --------------------------------------------------------------------------- the demo


class Demo:
    """A demo declaration plus its single entry point :meth:`handle`.

    Register the demo's functions with the decorators; each receives the current control values
    `v` (a dict) and, after derive, the derived values `d`:

    * ``@demo.constrain`` ``(v, changed) -> v``: cross-control rules (`changed` is the control
      the learner moved, or None on init); the learner's own control should win.
    * ``@demo.derive`` ``(v) -> d``: every number the demo computes from the state.
    * ``@demo.answer`` ``(v, d) -> option id | Answer``: the prediction's correct option.
    * ``@demo.explain`` ``(v, d) -> [str]``: the lines shown on reveal.
    * ``@demo.readouts`` ``(v, d) -> [(id, label, text)]``: always-visible values (use fmt).
    * ``@demo.frame`` ``(v, d, revealed) -> [primitive]``: the picture, in plot coordinates.
    * ``@demo.view`` ``(v) -> (xmin, xmax, ymin, ymax)``: the plot window if it depends on state.
    """

    def __init__(
        self,
        title: str,
        controls: "list[Control]",
        prediction: Prediction,
        window: "Window",
        description: str = "",
        xlabel: str = "x",
        ylabel: str = "y",
        axes: bool = True,
    ) -> None:
        self.title = title
        self.show_axes = axes  # False for diagrams (graphs of boxes) where a grid means nothing
        self.description = description
        self.controls = list(controls)
        self.prediction = prediction
        self.window = window
        self.xlabel = xlabel
        self.ylabel = ylabel
        self._by_id = {}  # type: dict[str, Control]
        for c in self.controls:
            self._by_id[c.id] = c
        self._constrain = None  # type: Callable[..., Any] | None
        self._derive = None  # type: Callable[..., Any] | None
        self._answer = None  # type: Callable[..., Any] | None
        self._explain = None  # type: Callable[..., Any] | None
        self._readouts = None  # type: Callable[..., Any] | None
        self._frame = None  # type: Callable[..., Any] | None
        self._view = None  # type: Callable[..., Any] | None
        self._memo = {}  # type: dict[Any, Any]

    # -- decorators (each returns the function so it stays usable in tests)
    def constrain(self, fn: "Callable[..., Any]") -> "Callable[..., Any]":
        self._constrain = fn
        return fn

    def derive(self, fn: "Callable[..., Any]") -> "Callable[..., Any]":
        self._derive = fn
        return fn

    def answer(self, fn: "Callable[..., Any]") -> "Callable[..., Any]":
        self._answer = fn
        return fn

    def explain(self, fn: "Callable[..., Any]") -> "Callable[..., Any]":
        self._explain = fn
        return fn

    def readouts(self, fn: "Callable[..., Any]") -> "Callable[..., Any]":
        self._readouts = fn
        return fn

    def frame(self, fn: "Callable[..., Any]") -> "Callable[..., Any]":
        self._frame = fn
        return fn

    def view(self, fn: "Callable[..., Any]") -> "Callable[..., Any]":
        self._view = fn
        return fn

    def memo(self, key: "Any", make: "Callable[[], Any]") -> "Any":
        """Compute `make()` once per `key` for this demo (geometry that does not change)."""
        if key in self._memo:
            return self._memo[key]
        value = make()
        self._memo[key] = value
        return value

    def control(self, id: str) -> Control:
        return self._by_id[id]

    # -- state
    def defaults(self) -> "Values":
        v = {}
        for c in self.controls:
            v[c.id] = c.default
        return v

    def constrained(self, v: "Values", changed: "str | None") -> "Values":
        if self._constrain is None:
            return v
        out = self._constrain(dict(v), changed)
        return v if out is None else out

    def initial(self, overrides: "Values | None" = None) -> "Values":
        """The state the page opens in: defaults, then valid `overrides`, then constraints."""
        v = self.defaults()
        if overrides:
            for c in self.controls:
                if c.id in overrides:
                    got, why = c.coerce(overrides[c.id])
                    if not why:
                        v[c.id] = got
        return {"values": self.constrained(v, None), "prediction": None, "revealed": False}

    def check_values(self, values: "Values") -> "list[str]":
        """Problems with authored control values (a storyboard frame): unknown control, wrong
        type or out of range, or a value the demo's constraints would change."""
        problems = []
        for key in sorted(values):
            if key not in self._by_id:
                known = ", ".join([c.id for c in self.controls])
                problems.append("unknown control '" + str(key) + "' (controls: " + known + ")")
                continue
            why = self._by_id[key].check(values[key])
            if why:
                problems.append(key + " = " + repr(values[key]) + " " + why)
        if problems:
            return problems
        v = self.defaults()
        for key in values:
            v[key] = values[key]
        after = self.constrained(dict(v), None)
        for c in self.controls:
            if c.id in values and after[c.id] != values[c.id]:
                problems.append(
                    c.id
                    + " = "
                    + repr(values[c.id])
                    + " is changed to "
                    + c.display(after[c.id])
                    + " by the demo's constraints"
                )
        return problems

    def handle(
        self, state: "Values | None", event: str, value: "Any" = None
    ) -> "tuple[Values, Values]":
        """Apply one event and return (new state, scene).

        Events: "init" (value: optional dict of control values), a control id (value: the new
        value, e.g. the text of a range input), "predict" (an option id), "reveal", "reset".
        Moving a control hides the answer and, for controls in the prediction's `resets`, clears
        the prediction; a reveal without a prediction is refused with a message.
        """
        if state is None or event == "init":
            st = self.initial(value if isinstance(value, dict) else None)
            return st, self.scene(st)
        st = {
            "values": dict(state["values"]),
            "prediction": state.get("prediction"),
            "revealed": bool(state.get("revealed")),
        }
        message = ""
        if event == "reset":
            st = self.initial(None)
        elif event == "predict":
            if value in [o[0] for o in self.prediction.options]:
                if value != st["prediction"]:
                    st["prediction"] = value
                    st["revealed"] = False
            else:
                message = "Unknown prediction option."
        elif event == "reveal":
            if st["prediction"] is None:
                message = "Choose a prediction before revealing the answer."
            else:
                st["revealed"] = True
        elif event in self._by_id:
            got, why = self._by_id[event].coerce(value)
            if why:
                message = self._by_id[event].label + ": " + why + "."
            elif got != st["values"][event]:
                v = dict(st["values"])
                v[event] = got
                st["values"] = self.constrained(v, event)
                st["revealed"] = False
                resets = self.prediction.resets
                if resets is None or event in resets:
                    st["prediction"] = None
        else:
            message = "Unknown event."
        return st, self.scene(st, message)

    # -- scene
    def window_for(self, v: "Values") -> "Window":
        return self._view(v) if self._view is not None else self.window

    def derived(self, v: "Values") -> "Values":
        return self._derive(v) if self._derive is not None else {}

    def answer_for(self, v: "Values", d: "Values") -> Answer:
        got = self._answer(v, d) if self._answer is not None else None
        if isinstance(got, Answer):
            return got
        lines = self._explain(v, d) if self._explain is not None else []  # type: list[str]
        return Answer(str(got), lines)

    def shapes(self, v: "Values", d: "Values", revealed: bool) -> "list[Shape]":
        """The SVG shapes of one state: the memoised axes, then the frame's primitives."""
        win = self.window_for(v)
        out = []  # type: list[Shape]
        if self.show_axes:
            out = list(self.memo(("axes", win), lambda: axes(win, self.xlabel, self.ylabel)))
        fr = None
        prims = self._frame(v, d, revealed) if self._frame is not None else []  # type: list[Prim]
        for prim in prims:
            if prim[4] is not None:
                mk = ("prim", prim[1], prim[4], win)
                if mk in self._memo:
                    shape = self._memo[mk]
                else:
                    fr = fr or Frame(win)
                    shape = _shape(fr, prim)
                    self._memo[mk] = shape
            else:
                fr = fr or Frame(win)
                shape = _shape(fr, prim)
            if shape is not None:
                out.append(shape)
        return out

    def scene(self, st: "Values", message: str = "") -> "Values":
        """Everything the page shows for state `st` (all text already formatted)."""
        v = st["values"]
        d = self.derived(v)
        readouts = self._readouts(v, d) if self._readouts is not None else []  # type: list[Any]
        outputs = {}
        for c in self.controls:
            outputs[c.id] = c.display(v[c.id])
        answer = None
        if st["revealed"]:
            ans = self.answer_for(v, d)
            chosen = st["prediction"]
            correct = chosen in ans.accepted
            if correct:
                verdict = (
                    "Your prediction \u201c" + self.prediction.label(chosen) + "\u201d is right."
                )
            else:
                right = "\u201d or \u201c".join([self.prediction.label(o) for o in ans.accepted])
                verdict = (
                    "Your prediction \u201c"
                    + self.prediction.label(chosen)
                    + "\u201d is not right: the answer is \u201c"
                    + right
                    + "\u201d."
                )
            answer = {
                "option": ans.option,
                "accepted": list(ans.accepted),
                "correct": correct,
                "verdict": verdict,
                "lines": ans.lines,
            }
        announce = "; ".join([r[1] + " " + r[2] for r in readouts])
        return {
            "shapes": self.shapes(v, d, st["revealed"]),
            "values": dict(v),
            "outputs": outputs,
            "readouts": [list(r) for r in readouts],
            "answer": answer,
            "message": message,
            "announce": announce,
        }


# --------------------------------------------------------------------------- JS kernels


def use_kernel(
    module_name: str, name: str, reference: "Callable[..., Any]"
) -> "Callable[..., Any]":
    """The escape hatch for a heavy inner loop: `name` from the demo's kernel.mjs in the
    browser, `reference` (pure Python) everywhere else.

    Call it at module level as ``heat = use_kernel(__name__, "heat", heat_reference)``. The
    runtime registers the demo's kernel.mjs as the JS module ``<module>_kernel``; arguments and
    results cross as JSON (numbers, strings, lists, dicts). A test must check the kernel
    against `reference` (see docs/demos.md): CPython and the parity test run the reference.
    """
    try:
        bridge = __import__(module_name + "_kernel")
    except ImportError:
        return reference
    import json

    def kernel(*args: "Any") -> "Any":
        return json.loads(bridge.call(name, json.dumps(list(args))))

    return kernel


# --------------------------------------------------------------------------- browser glue

_LIVE = {}  # type: dict[str, Any]
_SENT = {}  # type: dict[str, Any]


def step(name: str, events_json: str) -> str:
    """Browser entry: apply a batch of [event, value] pairs to the live state of module `name`
    and return JSON {state, scene}. `name` is the module the runtime wrote and imported itself;
    learner input only ever arrives as JSON data (never evaluated).

    The scene's "shapes" lists only shapes that differ from the previous call's and "order"
    lists every shape id: unchanged geometry (axes, a memoised curve) is neither re-serialised
    nor touched in the DOM.
    """
    import json

    mod = __import__(name)
    st = _LIVE.get(name)
    sc = None
    for ev in json.loads(events_json):
        st, sc = mod.handle(st, ev[0], ev[1] if len(ev) > 1 else None)
    if sc is None:
        st, sc = mod.handle(st, "init", None)
    _LIVE[name] = st
    before = _SENT.get(name) or {}
    now = {}
    changed = []
    order = []
    for shape in sc["shapes"]:
        now[shape[0]] = shape
        order.append(shape[0])
        if before.get(shape[0]) != shape:
            changed.append(shape)
    _SENT[name] = now
    sc = dict(sc)
    sc["shapes"] = changed
    sc["order"] = order
    return json.dumps({"state": st, "scene": sc})
