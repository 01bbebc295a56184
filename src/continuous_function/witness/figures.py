"""Matplotlib set up once in the warm image, and figures captured as byte-stable SVG.

Builds must be byte-identical, so the SVG writer gets a fixed hash salt (it seeds element ids)
and no date or creator metadata. Text stays text (`svg.fonttype: none`): an order of magnitude
smaller than glyph paths, and the page's own fonts render it.
"""

from __future__ import annotations

import io
import warnings

SVG_RC = {"svg.hashsalt": "continuous-function", "svg.fonttype": "none"}
_METADATA = {"Date": None, "Creator": None}


def preload() -> None:
    """Import numpy and pyplot before forking, so each witness starts in milliseconds."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot  # noqa: F401
    import numpy  # noqa: F401

    matplotlib.rcParams.update(SVG_RC)
    # `plt.show()` is normal in a witness; under Agg it only warns, which would clutter stderr.
    warnings.filterwarnings("ignore", message=".*non-interactive.*", category=UserWarning)


def capture_svgs() -> tuple[str, ...]:
    """Every open figure, in figure-number order, then closed (checks must not redraw them)."""
    import matplotlib
    import matplotlib.pyplot as plt

    svgs = []
    # Re-applied here: a witness may have called `rcdefaults()` or a style that resets the salt.
    with matplotlib.rc_context(SVG_RC):
        for number in plt.get_fignums():
            buf = io.StringIO()
            plt.figure(number).savefig(buf, format="svg", metadata=_METADATA)
            svgs.append(buf.getvalue())
    plt.close("all")
    return tuple(svgs)
