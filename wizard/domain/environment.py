"""AFAS environments: parse what a user types ("O12345AA", "12345" + type, a custom URL) into REST/SOAP URLs."""

from __future__ import annotations

import ipaddress
import re
from enum import StrEnum
from urllib.parse import urlsplit, urlunsplit

from pydantic import BaseModel, ConfigDict

from wizard.domain.errors import InputError
from wizard.domain.text import Text


class EnvType(StrEnum):
    PRODUCTION = "production"
    TEST = "test"
    ACCEPT = "accept"

    @property
    def prefix(self) -> str:
        return {"production": "O", "test": "T", "accept": "A"}[self.value]

    @property
    def label(self) -> Text:
        return {
            EnvType.PRODUCTION: Text(en="Production", nl="Productie"),
            EnvType.TEST: Text(en="Test", nl="Test"),
            EnvType.ACCEPT: Text(en="Accept", nl="Accept"),
        }[self]


# The sub-domain label per type (afas-api.md §1.1 and §1.3).
_REST_LABEL = {EnvType.PRODUCTION: "rest", EnvType.TEST: "resttest", EnvType.ACCEPT: "restaccept"}
_SOAP_LABEL = {EnvType.PRODUCTION: "soap", EnvType.TEST: "soaptest", EnvType.ACCEPT: "soapaccept"}
_PREFIX_TYPE = {"O": EnvType.PRODUCTION, "T": EnvType.TEST, "A": EnvType.ACCEPT}
_TYPE_WORDS = {
    "o": EnvType.PRODUCTION, "p": EnvType.PRODUCTION, "prod": EnvType.PRODUCTION,
    "production": EnvType.PRODUCTION, "productie": EnvType.PRODUCTION,
    "t": EnvType.TEST, "test": EnvType.TEST,
    "a": EnvType.ACCEPT, "accept": EnvType.ACCEPT, "acceptance": EnvType.ACCEPT, "acceptatie": EnvType.ACCEPT,
}  # fmt: skip

# AFAS documents "5 digit environment number", yet its own /metainfo example is A123456AC (6 digits),
# so both are accepted (UNCONFIRMED beyond those examples, afas-api.md §1.2).
_ENV_ID = re.compile(r"^([OTA])(\d{5,6})([A-Z]{2})$")
_NUMBER = re.compile(r"^\d{5,6}$")

ENV_HELP = Text(
    en="Enter the environment as AFAS shows it at the top right of Profit, e.g. O12345AA "
    "(O = production, T = test, A = accept), or the 5-digit number plus the type.",
    nl="Vul de omgeving in zoals AFAS die rechtsboven in Profit toont, bijvoorbeeld O12345AA "
    "(O = productie, T = test, A = accept), of het nummer van 5 cijfers plus het type.",
)


class AfasEnvironment(BaseModel):
    """One AFAS organisation's environment: where its REST and SOAP services live."""

    model_config = ConfigDict(frozen=True)

    number: str
    type: EnvType
    suffix: str = "AA"
    custom_rest_url: str | None = None
    custom_soap_url: str | None = None

    @property
    def env_id(self) -> str:
        return f"{self.type.prefix}{self.number}{self.suffix}"

    @property
    def key(self) -> str:
        """Stable identity for the keyring and saved progress: one token per environment."""
        base = f"{self.type.prefix}{self.number}"
        if self.custom_rest_url:
            host = urlsplit(self.custom_rest_url).netloc.lower()
            return f"{base}@{host}"
        return base

    @property
    def rest_base_url(self) -> str:
        if self.custom_rest_url:
            return self.custom_rest_url
        return f"https://{self.number}.{_REST_LABEL[self.type]}.afas.online/ProfitRestServices"

    @property
    def soap_base_url(self) -> str:
        if self.custom_soap_url:
            return self.custom_soap_url
        if self.custom_rest_url:
            # Same origin, AFAS's SOAP path: what on-premise Profit and our simulator serve.
            parts = urlsplit(self.custom_rest_url)
            return urlunsplit((parts.scheme, parts.netloc, "/profitservices", "", ""))
        return f"https://{self.number}.{_SOAP_LABEL[self.type]}.afas.online/profitservices"

    @property
    def is_custom(self) -> bool:
        return self.custom_rest_url is not None


def parse_env_type(value: str) -> EnvType:
    env_type = _TYPE_WORDS.get(value.strip().lower())
    if env_type is None:
        raise InputError(
            Text(
                en="Unknown environment type '{v}': use production, test or accept.",
                nl="Onbekend omgevingstype '{v}': kies productie, test of accept.",
            ).format(v=value)
        )
    return env_type


def parse_environment(
    text: str,
    env_type: EnvType | str | None = None,
    base_url: str | None = None,
    soap_url: str | None = None,
) -> AfasEnvironment:
    """Parse an environment as a user types it; raise InputError with a specific message otherwise."""
    raw = "".join(ch for ch in text if not ch.isspace() and ch not in "\u200b\u200c\u200d\ufeff").upper()
    if isinstance(env_type, str):
        env_type = parse_env_type(env_type)
    if not raw:
        raise InputError(Text(en="The AFAS environment is empty. ", nl="De AFAS-omgeving is leeg. ") + ENV_HELP)
    match = _ENV_ID.match(raw)
    if match:
        prefix, number, suffix = match.groups()
        found = _PREFIX_TYPE[prefix]
        if env_type is not None and env_type is not found:
            raise InputError(
                Text(
                    en="{id} is a {found} environment, but {given} was chosen. Pick one.",
                    nl="{id} is een {found_nl}omgeving, maar u koos {given_nl}. Kies er één.",
                ).format(
                    id=raw,
                    found=found.label.en.lower(),
                    given=env_type.label.en.lower(),
                    found_nl=found.label.nl.lower(),
                    given_nl=env_type.label.nl.lower(),
                )
            )
        env = AfasEnvironment(number=number, type=found, suffix=suffix)
    elif _NUMBER.match(raw):
        if env_type is None:
            raise InputError(
                Text(
                    en="{n} is a number without a type: say whether it is production, test or accept "
                    "(or enter O{n}AA, T{n}AA, A{n}AA).",
                    nl="{n} is een nummer zonder type: geef aan of het productie, test of accept is "
                    "(of vul O{n}AA, T{n}AA, A{n}AA in).",
                ).format(n=raw)
            )
        env = AfasEnvironment(number=raw, type=env_type)
    elif re.fullmatch(r"[OTA]?\d+[A-Z]{0,2}", raw) and len(re.sub(r"\D", "", raw)) not in (5, 6):
        digits = len(re.sub(r"\D", "", raw))
        raise InputError(
            Text(
                en="'{t}' has {d} digits; an AFAS environment number has 5 (sometimes 6). ",
                nl="'{t}' heeft {d} cijfers; een AFAS-omgevingsnummer heeft er 5 (soms 6). ",
            ).format(t=text.strip(), d=digits)
            + ENV_HELP
        )
    else:
        raise InputError(
            Text(en="'{t}' is not an AFAS environment. ", nl="'{t}' is geen AFAS-omgeving. ").format(
                t=text.strip()[:40]
            )
            + ENV_HELP
        )
    if base_url or soap_url:
        rest = _check_url(base_url, default_path="/ProfitRestServices") if base_url else None
        soap = _check_url(soap_url, default_path="/profitservices") if soap_url else None
        if soap and not rest:
            raise InputError(
                Text(
                    en="A SOAP URL needs a REST base URL too (--base-url).",
                    nl="Een SOAP-URL kan alleen samen met een REST-basis-URL (--base-url).",
                )
            )
        env = env.model_copy(update={"custom_rest_url": rest, "custom_soap_url": soap})
    return env


def is_loopback_host(host: str) -> bool:
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _check_url(url: str, default_path: str) -> str:
    """An explicit base URL must be https, except on loopback (the simulator, a local test server)."""
    value = url.strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(
            Text(
                en="'{u}' is not a web address; expected something like https://profit.example.nl/ProfitRestServices",
                nl="'{u}' is geen webadres; verwacht iets als https://profit.voorbeeld.nl/ProfitRestServices",
            ).format(u=value[:80])
        )
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        raise InputError(
            Text(
                en="'{u}' uses http. The token may only travel over https (http is allowed for this computer "
                "itself, 127.0.0.1, only).",
                nl="'{u}' gebruikt http. Het token mag alleen over https (http mag alleen voor deze computer "
                "zelf, 127.0.0.1).",
            ).format(u=value[:80])
        )
    if parts.query or parts.fragment:
        raise InputError(
            Text(
                en="'{u}' contains a query or fragment; enter the base URL only.",
                nl="'{u}' bevat een query of fragment; vul alleen de basis-URL in.",
            ).format(u=value[:80])
        )
    path = parts.path.rstrip("/") or default_path
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))
