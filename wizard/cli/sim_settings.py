"""What `sbq-setup simulator --list-settings` prints and what `--setting` errors name: read from the simulator's own
tables (its scenarios, Authenticatietypes and the two settings dataclasses), so a wheel user needs no docs file and
there is no second list to keep in step."""

from __future__ import annotations

import dataclasses
import json
import textwrap
import typing
from typing import Any, Literal

from wizard.domain.text import Lang, Text

OAUTH_PREFIX = "oauth."


@dataclasses.dataclass(frozen=True)
class Setting:
    name: str  # as --setting takes it: "unlinked_get", "oauth.profit_version"
    choices: tuple[Any, ...] | None  # the allowed values, default first; None: any value of `kind`
    kind: str  # "one of", "true or false", "a whole number", "text", "a JSON object"
    default: Any
    decides: str  # one sentence from the field's definition (wizard.sim.setting)


def _describe(name: str, hint: Any, default: Any, decides: str) -> Setting:
    if typing.get_origin(hint) is Literal:
        values = typing.get_args(hint)
        return Setting(name, (default, *(v for v in values if v != default)), "one of", default, decides)
    if hint is bool:
        return Setting(name, (default, not default), "one of", default, decides)
    kind = {int: "a whole number", str: "text"}.get(hint, "a JSON object")
    return Setting(name, None, kind, default, decides)


def _settings_of(cls: type[Any], prefix: str) -> list[Setting]:
    from wizard.sim.setting import DECIDES  # the simulator, only when asked

    hints = typing.get_type_hints(cls)
    found = []
    for f in dataclasses.fields(cls):
        default = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
        found.append(_describe(prefix + f.name, hints[f.name], default, f.metadata.get(DECIDES, "")))
    return found


def all_settings() -> list[Setting]:
    """Every --setting NAME: the AFAS behaviours, then the OAuth ones (oauth.NAME)."""
    from wizard.sim.model import SimSettings  # the simulator, only when asked
    from wizard.sim.oauth import OAuthSimSettings

    return [*_settings_of(SimSettings, ""), *_settings_of(OAuthSimSettings, OAUTH_PREFIX)]


def find(name: str) -> Setting | None:
    return next((s for s in all_settings() if s.name == name), None)


def names_like(name: str) -> list[str]:
    """The names of the group `name` belongs to (oauth.* or the others), closest first."""
    import difflib

    group = [s.name for s in all_settings() if s.name.startswith(OAUTH_PREFIX) is name.startswith(OAUTH_PREFIX)]
    close = difflib.get_close_matches(name, group, n=3, cutoff=0.6)
    return close + [n for n in group if n not in close]


_KINDS = {
    "a whole number": Text(en="a whole number", nl="een geheel getal"),
    "text": Text(en="text", nl="tekst"),
    "a JSON object": Text(en="a JSON object", nl="een JSON-object"),
}


def values_text(setting: Setting, lang: Lang) -> str:
    """'500 (default), 401' or 'a whole number (default 7200)'."""
    if setting.choices is not None:
        first, *rest = (_shown(v) for v in setting.choices)
        return ", ".join([Text(en="{v} (default)", nl="{v} (standaard)").format(v=first).get(lang), *rest])
    return (
        Text(en="{kind} (default {v})", nl="{kind} (standaard {v})")
        .format(kind=_KINDS[setting.kind], v=_shown(setting.default))
        .get(lang)
    )


def _shown(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, bool | dict) else str(value)


def listing(lang: Lang) -> str:
    """Scenarios, Authenticatietypes and settings, as --list-settings prints them."""
    from wizard.sim.scenarios import AUTH_PRESETS, SCENARIOS  # the simulator

    width = max(len(s.name) for s in all_settings())
    lines = [Text(en="Scenarios (--scenario NAME):", nl="Scenario's (--scenario NAAM):").get(lang)]
    lines += [_row(name, about, max(map(len, SCENARIOS))) for name, about in SCENARIOS.items()]
    lines += ["", Text(en="Authenticatietypes (--auth TYPE):", nl="Authenticatietypes (--auth TYPE):").get(lang)]
    lines += ["  " + ", ".join(AUTH_PRESETS)]
    titles = {
        False: Text(en="Settings (--setting NAME=VALUE):", nl="Instellingen (--setting NAAM=WAARDE):"),
        True: Text(
            en="OAuth settings (--setting oauth.NAME=VALUE):", nl="OAuth-instellingen (--setting oauth.NAAM=WAARDE):"
        ),
    }
    for oauth, title in titles.items():
        lines += ["", title.get(lang)]
        for s in all_settings():
            if s.name.startswith(OAUTH_PREFIX) is oauth:
                lines += [_row(s.name, values_text(s, lang), width), _row("", s.decides, width)]
    return "\n".join(lines)


def _row(name: str, about: str, width: int) -> str:
    """'  name   what it is', wrapped to 80 columns under its own column."""
    return textwrap.fill(
        about,
        80,
        initial_indent=f"  {name.ljust(width)}  ",
        subsequent_indent=" " * (width + 4),
        break_on_hyphens=False,
    )
