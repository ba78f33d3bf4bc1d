"""AFAS environments: parse what a user types ("O12345AA", "12345" + type, a custom URL) into REST/SOAP URLs."""

from __future__ import annotations

import ipaddress
import re
from enum import StrEnum
from urllib.parse import urlsplit, urlunsplit

from pydantic import BaseModel, ConfigDict

from wizard.domain.errors import InputError
from wizard.domain.redact import excerpt
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
            EnvType.ACCEPT: Text(en="Acceptance", nl="Acceptatie"),
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
# ASCII digits only: `\d` also matches '١٢٣٤٥', which would become a host name no one can reach.
_ENV_ID = re.compile(r"([OTA])([0-9]{5,6})([A-Z]{2})")
_NUMBER = re.compile(r"[0-9]{5,6}")
# One DNS label (RFC 1123): letters, digits and inner hyphens, at most 63 characters.
_DNS_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")

ENV_HELP = Text(
    en="Enter the environment as AFAS shows it at the top right of Profit, e.g. O12345AA "
    "(O = production, T = test, A = acceptance), or the 5-digit number plus the type.",
    nl="Vul de omgeving in zoals AFAS die rechtsboven in Profit toont, bijvoorbeeld O12345AA "
    "(O = productie, T = test, A = acceptatie), of het nummer van 5 cijfers plus het type.",
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
                nl="Onbekend omgevingstype '{v}': kies productie, test of acceptatie.",
            ).format(v=excerpt(value, 40))
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
    match = _ENV_ID.fullmatch(raw)
    if match:
        prefix, number, suffix = match.groups()
        found = _PREFIX_TYPE[prefix]
        if env_type is not None and env_type is not found:
            raise InputError(
                Text(
                    en="{id} is a {found} environment, but {given} was chosen. Pick one.",
                    nl="{id} is een {found}omgeving, maar u koos {given}. Kies er één.",
                ).format(
                    id=raw,
                    found=Text(en=found.label.en.lower(), nl=found.label.nl.lower()),
                    given=Text(en=env_type.label.en.lower(), nl=env_type.label.nl.lower()),
                )
            )
        env = AfasEnvironment(number=number, type=found, suffix=suffix)
    elif _NUMBER.fullmatch(raw):
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
    elif re.fullmatch(r"[OTA]?[0-9]+[A-Z]{0,2}", raw) and len(re.sub(r"[^0-9]", "", raw)) not in (5, 6):
        digits = len(re.sub(r"[^0-9]", "", raw))
        raise InputError(
            Text(
                en="'{t}' has {d} digits; an AFAS environment number has 5 (sometimes 6). ",
                nl="'{t}' heeft {d} cijfers; een AFAS-omgevingsnummer heeft er 5 (soms 6). ",
            ).format(t=excerpt(text.strip(), 40), d=digits)
            + ENV_HELP
        )
    else:
        raise InputError(
            Text(en="'{t}' is not an AFAS environment. ", nl="'{t}' is geen AFAS-omgeving. ").format(
                t=excerpt(text.strip(), 40)
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


def _bad_url(value: str, why: Text) -> InputError:
    return InputError(
        Text(en="'{u}' is not a usable web address: ", nl="'{u}' is geen bruikbaar webadres: ").format(
            u=excerpt(value, 80)
        )
        + why
    )


def _check_host(value: str, host: str) -> None:
    """An IP address, or a DNS name by the rules (ASCII after IDNA, labels of 1-63 characters, 253 in all)."""
    try:
        ipaddress.ip_address(host)
        return
    except ValueError:
        pass
    try:
        ascii_host = host.rstrip(".").encode("idna").decode("ascii")
    except UnicodeError:
        ascii_host = ""
    labels = ascii_host.split(".")
    if not ascii_host or len(ascii_host) > 253 or not all(_DNS_LABEL.fullmatch(label) for label in labels):
        raise _bad_url(
            value,
            Text(
                en="the host name '{h}' is not valid (letters, digits and hyphens; each part between dots at most "
                "63 characters; no spaces).",
                nl="de hostnaam '{h}' is ongeldig (letters, cijfers en streepjes; elk deel tussen punten hoogstens "
                "63 tekens; geen spaties).",
            ).format(h=excerpt(host, 80)),
        )


def _without_userinfo(value: str) -> str:
    """The URL with any user name and password cut out, so an error message never repeats a password."""
    scheme, sep, rest = value.partition("://")
    if not sep:
        return value
    authority, slash, path = rest.partition("/")
    return f"{scheme}://{authority.rpartition('@')[2]}{slash}{path}"


def _check_url(url: str, default_path: str) -> str:
    """An explicit base URL must be https, except on loopback (the simulator, a local test server)."""
    value = url.strip()
    try:
        parts = urlsplit(value)
        host = parts.hostname
        netloc_has_userinfo = "@" in parts.netloc
    except ValueError:  # e.g. an unbalanced '[' in an IPv6 address
        parts, host, netloc_has_userinfo = None, None, False
    if netloc_has_userinfo:
        raise InputError(
            Text(
                en="'{u}' contains a user name or password. Login details do not belong in the address; remove the "
                "part before '@'.",
                nl="'{u}' bevat een gebruikersnaam of wachtwoord. Inloggegevens horen niet in het adres; verwijder "
                "het deel voor de '@'.",
            ).format(u=excerpt(_without_userinfo(value), 80))
        )
    if parts is None or parts.scheme not in ("http", "https") or not host:
        raise InputError(
            Text(
                en="'{u}' is not a web address; expected something like https://profit.example.nl/ProfitRestServices",
                nl="'{u}' is geen webadres; verwacht iets als https://profit.voorbeeld.nl/ProfitRestServices",
            ).format(u=excerpt(value, 80))
        )
    try:
        port = parts.port
    except ValueError:  # not a number, or outside 0-65535
        port = 0
    if port == 0 or (port is None and parts.netloc.rstrip("]").endswith(":")):
        raise _bad_url(
            value,
            Text(en="the port must be a number from 1 to 65535.", nl="de poort moet een getal van 1 tot 65535 zijn."),
        )
    if port is not None and not re.fullmatch(r"[0-9]+", parts.netloc.rpartition(":")[2]):
        raise _bad_url(  # urlsplit accepts non-ASCII digits in a port; a connection would not
            value,
            Text(en="the port must be a number from 1 to 65535.", nl="de poort moet een getal van 1 tot 65535 zijn."),
        )
    _check_host(value, host)
    if parts.scheme == "http" and not is_loopback_host(host):
        raise InputError(
            Text(
                en="'{u}' uses http. Login details may only travel over https (http is allowed for this computer "
                "itself, 127.0.0.1, only).",
                nl="'{u}' gebruikt http. Inloggegevens mogen alleen over https (http mag alleen voor deze computer "
                "zelf, 127.0.0.1).",
            ).format(u=excerpt(value, 80))
        )
    if parts.query or parts.fragment:
        raise InputError(
            Text(
                en="'{u}' contains a part with '?' or '#'; enter the address without it.",
                nl="'{u}' bevat een deel met '?' of '#'; vul het adres zonder dat deel in.",
            ).format(u=excerpt(value, 80))
        )
    path = parts.path.rstrip("/") or default_path
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))
