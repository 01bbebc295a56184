from __future__ import annotations

from pathlib import Path

import pytest

from continuous_function.cache import BuildCache
from continuous_function.markdown import (
    KatexError,
    KatexNotFoundError,
    MathRenderer,
    find_node_modules,
    katex_dist,
)
from continuous_function.markdown.katex import NODE_MODULES_ENV


def test_output_has_html_and_mathml(math: MathRenderer) -> None:
    html = math.render(r"\frac{a}{b}", False)
    assert html.startswith('<span class="katex"><span class="katex-mathml"><math')
    assert "<mfrac><mi>a</mi><mi>b</mi></mfrac>" in html
    assert '<annotation encoding="application/x-tex">\\frac{a}{b}</annotation>' in html
    assert '<span class="katex-html" aria-hidden="true">' in html


def test_display_mode_is_a_display_block(math: MathRenderer) -> None:
    assert math.render("x", True).startswith('<span class="katex-display">')
    assert 'display="block"' in math.render("x", True)
    assert "katex-display" not in math.render("x", False)


def test_parse_error_reports_position_in_the_tex(math: MathRenderer) -> None:
    with pytest.raises(KatexError) as caught:
        math.render(r"x + \fracc{a}{b}", False)
    assert caught.value.message == r"Undefined control sequence: \fracc"
    assert (caught.value.position, caught.value.length) == (4, 6)


@pytest.mark.parametrize(
    "tex", [r"\href{https://example.org}{x}", r"\url{x}", r"a + \includegraphics{x.png}",
            r"\htmlClass{c}{x}", r"\htmlStyle{color:red}{x}", r"\htmlId{i}{x}"],
)  # fmt: skip
def test_commands_needing_trust_are_errors_not_red_text(math: MathRenderer, tex: str) -> None:
    command = tex[tex.index("\\") :].split("{")[0]
    with pytest.raises(KatexError, match="is disabled in formulas") as caught:
        math.render(tex, False)
    assert caught.value.position == tex.index(command)


def test_build_cache_memoises_by_tex_and_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, bool]] = []
    with BuildCache() as cache:
        original = cache._typeset

        def counting(tex: str, display: bool) -> str | KatexError:
            calls.append((tex, display))
            return original(tex, display)

        monkeypatch.setattr(cache, "_typeset", counting)
        tex = r"\sum_{i=1}^{n} i^{37}"
        first = cache.render(tex, False)
        assert cache.render(tex, False) == first
        cache.render(tex, True)
        for _ in range(2):
            with pytest.raises(KatexError) as caught:
                cache.render(r"\nosuchmacro", False)
            assert caught.value.position == 0
    assert calls == [(tex, False), (tex, True), (r"\nosuchmacro", False)]


def test_closed_renderer_refuses_new_work() -> None:
    renderer = MathRenderer()
    with renderer:
        assert "<math" in renderer.render("y", False)
    renderer.close()  # closing twice is harmless
    with pytest.raises(RuntimeError, match="closed"):
        renderer.render("z", False)


def test_node_modules_found_above_the_package() -> None:
    found = find_node_modules()
    assert (found / "katex" / "dist" / "katex.min.js").is_file()
    assert (katex_dist() / "katex.min.css").is_file()
    assert (katex_dist() / "fonts").is_dir()


def test_env_var_overrides_the_search(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real = find_node_modules()
    monkeypatch.setenv(NODE_MODULES_ENV, str(real))
    assert find_node_modules() == real
    monkeypatch.setenv(NODE_MODULES_ENV, str(tmp_path))
    with pytest.raises(KatexNotFoundError, match=NODE_MODULES_ENV):
        find_node_modules()
