"""Shorten untrusted text for a report only after every registered secret in it is masked.

Cutting first can split a secret, and the fragment is then no longer recognised (issue 12, item 2): always
`excerpt(text, limit)`, never `redact(text[:limit])`.
"""

from __future__ import annotations

from wizard.domain.redact import redact

ELLIPSIS = "…"


def excerpt(text: str, limit: int) -> str:
    """`text` redacted, then cut to at most `limit` characters (an ellipsis marks a cut)."""
    clean = redact(text)
    if len(clean) <= limit:
        return clean
    return clean[: max(limit - len(ELLIPSIS), 0)] + ELLIPSIS
