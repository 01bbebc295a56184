"""Interactive demos: one portable Python module per concept, run in tests, at build time and in
the browser (DESIGN.md §4).

The site build uses this package's public API; the portable library the demo modules import as
`cfdemo` is `lib/cfdemo.py` (it must also run under MicroPython, so it is kept apart).
"""

from continuous_function.demo.assets import (
    demo_asset_files,
    demo_url,
    find_micropython,
    write_demo_assets,
)
from continuous_function.demo.lint import lint_demo, lint_source
from continuous_function.demo.loader import LIB_PATH, load_demo
from continuous_function.demo.model import Control, Demo, DemoError, Option, Problem
from continuous_function.demo.render import (
    check_storyboard,
    render_demo_html,
    render_storyboard_html,
    render_svg,
)

__all__ = [
    "LIB_PATH",
    "Control",
    "Demo",
    "DemoError",
    "Option",
    "Problem",
    "check_storyboard",
    "demo_asset_files",
    "demo_url",
    "find_micropython",
    "lint_demo",
    "lint_source",
    "load_demo",
    "render_demo_html",
    "render_storyboard_html",
    "render_svg",
    "write_demo_assets",
]
