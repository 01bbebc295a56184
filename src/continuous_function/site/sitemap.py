"""sitemap.xml: every page of the atlas, without timestamps (builds are deterministic)."""

from __future__ import annotations

from xml.sax.saxutils import escape

from continuous_function.model.atlas import Atlas


def sitemap_xml(atlas: Atlas, base_url: str) -> str:
    paths = [""] + [f"{d.id}/" for d in atlas.domains] + [f"{c.key}/" for c in atlas.concepts()]
    urls = "".join(f"  <url><loc>{escape(base_url + p)}</loc></url>\n" for p in paths)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{urls}</urlset>\n"
    )
