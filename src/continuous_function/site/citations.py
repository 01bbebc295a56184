"""Format BibTeX references for people: authors, year, title, venue, link."""

from __future__ import annotations

from markupsafe import Markup, escape

from continuous_function.model.atlas import Reference


def _short_name(person: str) -> str:
    """'Deisenroth, Marc Peter' → 'Deisenroth, M. P.'."""
    last, _, first = person.partition(", ")
    if not first:
        return person
    initials = " ".join(f"{part[0]}." for part in first.replace("-", " ").split() if part)
    return f"{last}, {initials}"


def author_list(ref: Reference) -> str:
    people = [_short_name(p).replace("{", "").replace("}", "") for p in ref.authors or ref.editors]
    if not people:
        return ""
    if len(people) > 4:
        text = f"{people[0]} et al."
    elif len(people) == 1:
        text = people[0]
    else:
        text = ", ".join(people[:-1]) + " & " + people[-1]
    return text + (" (Eds.)" if not ref.authors and ref.editors else "")


def citation_html(ref: Reference) -> Markup:
    parts = [escape(author_list(ref))]
    if ref.year:
        parts.append(escape(f"({ref.year})."))
    title = escape(ref.title)
    parts.append(Markup("<cite>{}</cite>.").format(title))
    venue = ref.venue
    extra = ", ".join(ref.fields[k] for k in ("volume", "pages") if k in ref.fields)
    if venue:
        parts.append(escape(f"{venue}{', ' + extra if extra else ''}."))
    return Markup(" ").join(p for p in parts if p)
