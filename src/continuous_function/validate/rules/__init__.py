"""Atlas rules, one small function each; importing this package registers them in order."""

from continuous_function.validate.rules import (  # noqa: F401
    contract,
    graph,
    identity,
    objects,
    sources,
)
