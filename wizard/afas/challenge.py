"""The `WWW-Authenticate` header of a 401, read in one pass (RFC 9110 §11.6.1): which schemes AFAS asks for and
their parameters. Hand-written rather than a regular expression: the header is untrusted and may be ~100 KB, and the
obvious pattern (optional spaces around optional commas) backtracks in cubic time on a run of spaces.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx

# More than any real challenge list; the rest of a longer header is ignored.
MAX_HEADER = 8 * 1024
_TCHAR = frozenset("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_SPACE = frozenset(" \t")


@dataclass(frozen=True)
class Challenge:
    scheme: str  # lower case: "bearer", "dpop", "basic", "afastoken"
    params: dict[str, str] = field(default_factory=dict)


def _skip(text: str, i: int, chars: frozenset[str]) -> int:
    while i < len(text) and text[i] in chars:
        i += 1
    return i


def _quoted(text: str, i: int) -> tuple[str, int]:
    """The quoted string that opens at text[i] ('"'), unescaped, and the index after it (or the end, unterminated)."""
    out: list[str] = []
    i += 1
    while i < len(text) and text[i] != '"':
        if text[i] == "\\" and i + 1 < len(text):
            i += 1
        out.append(text[i])
        i += 1
    return "".join(out), i + 1


def parse_challenges(value: str | None) -> list[Challenge]:
    """`Bearer error="invalid_token", DPoP algs="ES256"` -> two challenges; tolerant of anything AFAS may send:
    a name without '=' starts a challenge, `name=value` is a parameter of the last one, anything else is skipped."""
    text = (value or "")[:MAX_HEADER]
    challenges: list[Challenge] = []
    i = 0
    while i < len(text):
        i = _skip(text, i, _SPACE | {","})
        start = i
        i = _skip(text, i, _TCHAR)
        if i == start:
            i += 1  # not a name: skip the character
            continue
        name = text[start:i].lower()
        after = _skip(text, i, _SPACE)
        if after >= len(text) or text[after] != "=":
            challenges.append(Challenge(name))
            continue
        i = _skip(text, after + 1, _SPACE)
        if i < len(text) and text[i] == '"':
            param, i = _quoted(text, i)
        else:
            begin = i
            while i < len(text) and text[i] not in " \t,":
                i += 1
            param = text[begin:i]
        if challenges:
            challenges[-1].params[name] = param
    return challenges


def is_invalid_token(response: httpx.Response) -> bool:
    """401 with `WWW-Authenticate: Bearer error="invalid_token"`: the access token expired or was revoked."""
    if response.status_code != 401:
        return False
    challenges = parse_challenges(response.headers.get("WWW-Authenticate"))
    return any(c.scheme == "bearer" and c.params.get("error") == "invalid_token" for c in challenges)


def offers_oauth(headers: httpx.Headers) -> bool:
    """A 401 whose WWW-Authenticate offers Bearer or DPoP: AFAS asks for OAuth (from Profit 9 every 401 carries
    the header, afas-oauth.md §2.4). After a classic token that means: the app connector is switched to OAuth."""
    return any(c.scheme in ("bearer", "dpop") for c in parse_challenges(headers.get("WWW-Authenticate")))
