"""Render one demo inside the witness jail: the child side of a `WitnessJob` with `demo` set.

demo.py is contributed code like witness.py, and rendering it runs it (its module top level,
`handle` for the first frame and every storyboard frame), so the build never imports it itself:
it sends the source to the jailed worker (`site/demos.py`) and gets back the HTML. Any failure is
data with the line in demo.py, as for witnesses.
"""

from __future__ import annotations

from continuous_function.demo.assets import demo_url
from continuous_function.demo.loader import load_demo_source
from continuous_function.demo.model import DemoError
from continuous_function.demo.render import (
    check_storyboard,
    render_demo_html,
    render_storyboard_html,
)
from continuous_function.witness.harness import ChildReport, error_info
from continuous_function.witness.job import DemoOutput, ErrorInfo, Isolation, WitnessJob


def render_demo_job(job: WitnessJob, isolation: Isolation) -> ChildReport:
    assert job.demo is not None
    try:
        demo = load_demo_source(job.path, job.source, kernel=job.demo.kernel)
        frames = [(dict(state), caption) for state, caption in job.demo.frames]
        problems = tuple(check_storyboard(demo, frames))
        storyboard = render_storyboard_html(demo, frames) if frames and not problems else None
        html = render_demo_html(demo, src_url=demo_url(demo.key))
    except DemoError as exc:
        error = ErrorInfo(type="DemoError", message=exc.message, line=exc.line, traceback="")
        return ChildReport(status="error", error=error)
    except Exception as exc:  # the demo's own code failed while drawing a frame
        error = error_info(exc, job, isolation)
        error = error.model_copy(update={"message": f"{error.type}: {error.message}"})
        return ChildReport(status="error", error=error)
    output = DemoOutput(html=html, storyboard_html=storyboard, task=demo.task, problems=problems)
    return ChildReport(status="ok", demo=output)
