"""Codes the load stage emits: reading files, the shape of each file, the bibliography."""

from continuous_function.diagnostics import CodeTable

CODES = CodeTable("load")
report = CODES.report

# Reading files
CODES.declare(
    "Y001", "yaml-syntax", "A YAML file does not parse. The message gives the parser's reason."
)
CODES.declare(
    "Y002",
    "missing-file",
    "A required file is missing: `curriculum.yaml`, a domain's "
    "`domain.yaml`, a concept's `concept.yaml`, or `references.bib`.",
)
CODES.declare(
    "Y003",
    "bad-folder-name",
    "A domain or concept folder name is not a valid id "
    "(`[a-z0-9]` words joined by single hyphens); the folder name is the id.",
)
CODES.declare(
    "Y004",
    "file-outside-curriculum",
    "A file of the curriculum is a symlink that resolves outside the curriculum folder. "
    "The build would read (and may publish) whatever it points at, so it refuses.",
)
CODES.declare(
    "Y005",
    "unreadable-file",
    "A file cannot be read as text: it is a folder, a named pipe or a device, it is not "
    "UTF-8, it holds NUL bytes (binary), or reading it failed (permissions).",
)
CODES.declare(
    "Y006",
    "file-too-large",
    "A file is larger than the limit for its kind (64 KiB for YAML, 128 KiB for page.md, "
    "256 KiB for Python, 2 MiB for references.bib); reading it would take minutes.",
)

# Shape of each file (schema)
CODES.declare(
    "S001",
    "unknown-key",
    "A key the content contract does not define (often a typo). "
    "Unknown keys are errors so nothing is silently ignored.",
)
CODES.declare("S002", "missing-field", "A required key is missing.")
CODES.declare(
    "S003",
    "bad-enum",
    "A value outside its allowed set (status, importance, math_level, "
    "review state, practice kind).",
)
CODES.declare("S004", "bad-id", "An id is not `[a-z0-9]` words joined by single hyphens.")
CODES.declare("S005", "bad-date", "A date is not an ISO date (YYYY-MM-DD).")
CODES.declare("S006", "bad-color", "A colour is not `#rrggbb`.")
CODES.declare(
    "S007",
    "out-of-range",
    "A number or a list length is outside its allowed range "
    "(difficulty 1–5, exactly three hints, at least two inquiry options, …).",
)
CODES.declare(
    "S008", "wrong-type", "A value has the wrong type (a list where text is expected, …)."
)
CODES.declare(
    "S009",
    "bad-format",
    "A text value does not have the required form (object refs "
    "`#eq-…`, check names `check_…`, review fingerprints).",
)

# Bibliography
CODES.declare("B003", "bib-syntax", "`references.bib` does not parse as BibTeX, or repeats a key.")
