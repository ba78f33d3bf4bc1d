"""`sbq-setup verify`: the live check for scripts and helpdesk sessions, table or JSON, with defined exit codes."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import re
import stat
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from wizard.cli.common import ExitCode, add_lang_option, lang_of, say
from wizard.data.local_file import write_local_file
from wizard.domain.errors import InputError
from wizard.domain.presentation import Status, attention_rank
from wizard.domain.redact import excerpt, for_terminal, json_for_terminal, redact
from wizard.domain.text import Lang, Text
from wizard.stores.secret_file import MAX_SECRET_FILE, read_secret_file

# The credential models and the verification stack need pydantic, httpx and asyncio (the keyring and the simulator in
# two cases): imported inside the functions that use them, so neither `--help` nor the wizard's window loads them.
if TYPE_CHECKING:
    from wizard.domain.credentials import Credential
    from wizard.domain.environment import AfasEnvironment
    from wizard.flow.renewal import SecretExpiry
    from wizard.verify import Report

TOKEN_ENV = "SBQ_AFAS_TOKEN"
CLIENT_ID_ENV = "SBQ_AFAS_CLIENT_ID"
CLIENT_SECRET_ENV = "SBQ_AFAS_CLIENT_SECRET"
EXPIRED = Text(
    en="Not in order: the client secret's expiry date has passed. Renew it now: sbq-setup, then 'Renew the client "
    "secret'.",
    nl="Niet in orde: de vervaldatum van het client secret is voorbij. Vernieuw het nu: sbq-setup, dan 'Client "
    "secret vernieuwen'.",
)
MAX_TIMEOUT = 3600.0  # an hour: anything longer is a typo, and "nan" or "inf" would mean "never"

HELP = """Check a customer's AFAS setup live and read-only, and say what is missing
and how to fix it.

Two kinds of credential:
  classic token   from --token-file, --token-stdin or SBQ_AFAS_TOKEN
  OAuth client    --client-id (or SBQ_AFAS_CLIENT_ID) with the client secret
                  from --client-secret-file, --client-secret-stdin or
                  SBQ_AFAS_CLIENT_SECRET; one token request at
                  {base-url}/oauth/token, then every check with
                  Authorization: Bearer
Without either, the OS keyring entry the wizard saved for this environment is
used (it holds one of the two). A token or client secret is never taken from
the command line.

For an OAuth client the report gives the client secret's expiry date and the
days left (from --secret-expires or the date the wizard remembered), warns 30
and 7 days ahead, and fails once the date has passed: renew the secret with
the wizard ("Renew the client secret").

exit codes: 0 verified (warnings allowed), 1 setup defects found,
            2 bad input (nothing was sent), 3 verification impossible right now
            (unreachable, IP restriction, maintenance, timeout)"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help_line: str) -> None:
    parser = subparsers.add_parser(
        name,
        help=help_line,
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--environment", metavar="ENV", help="AFAS environment, e.g. O12345AA (or a number + --type)")
    parser.add_argument("--type", choices=["production", "test", "accept"], help="environment type for a bare number")
    parser.add_argument("--base-url", metavar="URL", help="custom REST base URL (on-premise Profit, the simulator)")
    parser.add_argument("--soap-url", metavar="URL", help="custom SOAP URL (default: same origin, /profitservices)")
    # One source per kind here; a classic token together with an OAuth client is refused by _read_credential.
    token = parser.add_mutually_exclusive_group()
    token.add_argument("--token-file", metavar="F", type=Path, help="read the classic token from file F")
    token.add_argument("--token-stdin", action="store_true", help="read the classic token from standard input")
    secret = parser.add_mutually_exclusive_group()
    secret.add_argument(
        "--client-secret-file", metavar="F", type=Path, help="OAuth: read the client secret from file F"
    )
    secret.add_argument(
        "--client-secret-stdin", action="store_true", help="OAuth: read the client secret from standard input"
    )
    parser.add_argument("--client-id", metavar="ID", help="OAuth: the app connector's client id (not a secret)")
    parser.add_argument(
        "--secret-expires",
        metavar="YYYY-MM-DD",
        help="OAuth: the client secret's expiry date as AFAS shows it; a warning comes 30 days ahead",
    )
    parser.add_argument(
        "--client-auth",
        choices=["body", "basic"],
        default=None,  # None: body; given with a classic token, it is refused rather than ignored
        help="OAuth: send the client secret in the request body (default, every Profit version) or as HTTP Basic "
        "(documented from Profit 9)",
    )
    parser.add_argument(
        "--auth",
        choices=["classic", "oauth"],
        help="with --demo: verify with a classic token (scenario 'ready', default) or an OAuth client ('oauth-ready')",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON on stdout")
    parser.add_argument("--html", metavar="FILE", type=Path, help="also write the report as an HTML page to FILE")
    parser.add_argument("--timeout", type=float, default=60.0, metavar="S", help="overall deadline in seconds (60)")
    parser.add_argument("--demo", action="store_true", help="verify against the built-in simulator (see --auth)")
    add_lang_option(parser, default=argparse.SUPPRESS)
    parser.set_defaults(func=run)


def _wants_oauth(args: argparse.Namespace) -> bool:
    """An OAuth client is asked for on the command line: a client id or a client secret source."""
    return bool(args.client_id is not None or args.client_secret_file is not None or args.client_secret_stdin)


def _secret_expires(args: argparse.Namespace) -> dt.date | None:
    value = args.secret_expires
    if value is None:
        return None
    # ASCII digits only: fromisoformat alone would also take '20270501' and other ISO shapes people do not mean.
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InputError(
        Text(
            en="--secret-expires must be a date as YYYY-MM-DD, e.g. 2027-05-01, not '{v}'.",
            nl="--secret-expires moet een datum zijn als JJJJ-MM-DD, bijvoorbeeld 2027-05-01, niet '{v}'.",
        ).format(v=excerpt(value, 40))
    )


def _read_oauth(args: argparse.Namespace, expires: dt.date | None) -> Credential:
    from wizard.domain.oauth import oauth_client_credentials  # pydantic

    client_id = args.client_id if args.client_id is not None else os.environ.get(CLIENT_ID_ENV)
    if client_id is None:
        raise InputError(
            Text(
                en="OAuth needs the client id: --client-id ID or {var}.",
                nl="Voor OAuth is de client id nodig: --client-id ID of {var}.",
            ).format(var=CLIENT_ID_ENV)
        )
    if args.client_secret_file is not None:
        secret = read_secret_file(args.client_secret_file, MAX_SECRET_FILE, kind="client-secret")
    elif args.client_secret_stdin:
        secret = sys.stdin.read(MAX_SECRET_FILE)
    elif os.environ.get(CLIENT_SECRET_ENV):
        secret = os.environ[CLIENT_SECRET_ENV]
    else:
        raise InputError(
            Text(
                en="The client secret is missing: use --client-secret-file F, --client-secret-stdin or {var}.",
                nl="Het client secret ontbreekt: gebruik --client-secret-file F, --client-secret-stdin of {var}.",
            ).format(var=CLIENT_SECRET_ENV)
        )
    # Validated here (InputError, exit 2) before any request: an empty client id or one with spaces cannot be one.
    return oauth_client_credentials(client_id, secret, expires)


def _read_credential(args: argparse.Namespace, env: AfasEnvironment) -> Credential:
    """The credential, from the command line, the environment or the keyring, in that order."""
    from wizard.domain.credentials import parse_classic_token  # pydantic

    expires = _secret_expires(args)
    if _wants_oauth(args):
        if args.token_file is not None or args.token_stdin:
            raise InputError(
                Text(
                    en="Give either a classic token (--token-file, --token-stdin) or an OAuth client id "
                    "(--client-id with its secret), not both.",
                    nl="Geef een klassiek token (--token-file, --token-stdin) of een OAuth client id (--client-id "
                    "met het secret), niet allebei.",
                )
            )
        return _read_oauth(args, expires)
    if args.token_file is not None or args.token_stdin:
        if args.token_file is not None:
            # Never blocks (a FIFO is refused at once), only a regular file, bounded: a wrong path must not hang or
            # load a disk image.
            credential: Credential = parse_classic_token(read_secret_file(args.token_file, MAX_SECRET_FILE))
        else:
            credential = parse_classic_token(sys.stdin.read(MAX_SECRET_FILE))
        return _no_expiry_for_classic(credential, expires)
    oauth_env = bool(os.environ.get(CLIENT_ID_ENV) or os.environ.get(CLIENT_SECRET_ENV))
    if os.environ.get(TOKEN_ENV) and oauth_env:
        raise InputError(
            Text(
                en="Both {t} and {c}/{s} are set: unset the one you do not mean.",
                nl="Zowel {t} als {c}/{s} is ingesteld: verwijder de variabele die u niet bedoelt.",
            ).format(t=TOKEN_ENV, c=CLIENT_ID_ENV, s=CLIENT_SECRET_ENV)
        )
    if os.environ.get(TOKEN_ENV):
        return _no_expiry_for_classic(parse_classic_token(os.environ[TOKEN_ENV]), expires)
    if oauth_env:
        return _read_oauth(args, expires)
    return _from_keyring(env, expires)


def _no_expiry_for_classic(credential: Credential, expires: dt.date | None) -> Credential:
    if expires is not None:
        raise InputError(
            Text(
                en="--secret-expires is for an OAuth client secret; a classic token's expiry comes from AFAS.",
                nl="--secret-expires is voor een OAuth client secret; de vervaldatum van een klassiek token komt "
                "van AFAS.",
            )
        )
    return credential


def _from_keyring(env: AfasEnvironment, expires: dt.date | None) -> Credential:
    from wizard.domain.oauth import OAuthClientCredentials, with_expiry  # pydantic
    from wizard.stores.secrets import SecretStoreError, default_secret_store  # keyring

    missing = Text(
        en="No credential for {env}: use --token-file F, --token-stdin or {var} for a classic token, --client-id with "
        "--client-secret-file F or --client-secret-stdin for OAuth, or store one with the wizard.",
        nl="Geen inloggegevens voor {env}: gebruik --token-file F, --token-stdin of {var} voor een klassiek token, "
        "--client-id met --client-secret-file F of --client-secret-stdin voor OAuth, of bewaar ze met de wizard.",
    ).format(env=env.env_id, var=TOKEN_ENV)
    try:
        stored = default_secret_store().load(env.key)
    except SecretStoreError as exc:
        raise InputError(missing + Text(en=" Keyring: ", nl=" Sleutelbos: ") + exc.message) from None
    if stored is None:
        raise InputError(missing)
    if isinstance(stored, OAuthClientCredentials):
        # The date given now wins over the remembered one (a rotated secret, a corrected date).
        return with_expiry(stored, expires) if expires is not None else stored
    return _no_expiry_for_classic(stored, expires)


def _field(text: str) -> str:
    """One field of the table: AFAS's words are untrusted, so a line break or an escape sequence in them is shown,
    never acted on (it could clear the screen or fake a line of the table)."""
    return for_terminal(redact(text), keep_newlines=False)


def render_table(report: Report, lang: Lang) -> str:
    from wizard.verify.report import result_label  # loaded with the report itself, not at start-up

    lines = [
        Text(en="AFAS environment {e} ({u})", nl="AFAS-omgeving {e} ({u})")
        .format(e=_field(report.environment), u=_field(report.base_url))
        .get(lang),
        "",
    ]
    # The status column is as wide as its longest label here ("ℹ For your information"), so every title starts in
    # the same column.
    width = max((len(result_label(check, lang)) for check in report.checks), default=0)
    indent = " " * (width + 3)
    for check in sorted(report.checks, key=lambda c: attention_rank(c.status)):
        lines.append(f"{result_label(check, lang):<{width}} {_field(check.title.get(lang))}")
        lines.append(f"{indent}{_field(check.message.get(lang))}")
        if check.remedy is not None and check.status in (Status.FAIL, Status.WARN, Status.MANUAL, Status.INFO):
            lines.append(f"{indent}→ {_field(check.remedy.get(lang))}")
        if check.log_reference:
            lines.append(f"{indent}profitLogReference: {_field(check.log_reference)}")
    lines += ["", report.summary(lang) + f" ({report.duration_ms} ms)"]
    return "\n".join(lines)


def _check_timeout(value: float) -> float:
    if not math.isfinite(value) or not 0 < value <= MAX_TIMEOUT:
        raise InputError(
            Text(
                en="--timeout must be a number of seconds above 0 and at most {m:g}.",
                nl="--timeout moet een aantal seconden zijn boven 0 en hoogstens {m:g}.",
            ).format(m=MAX_TIMEOUT)
        )
    return value


def _check_report_target(path: Path) -> None:
    """Refused before anything is sent: a report target that cannot be a file."""
    name = excerpt(str(path), 200)
    if path.is_dir():
        raise InputError(
            Text(
                en="Cannot write the report to {f}: it is a folder; give a file name.",
                nl="Kan het rapport niet schrijven naar {f}: dat is een map; geef een bestandsnaam.",
            ).format(f=name)
        )
    if not path.parent.is_dir():
        raise InputError(
            Text(
                en="Cannot write the report to {f}: its folder does not exist.",
                nl="Kan het rapport niet schrijven naar {f}: de map bestaat niet.",
            ).format(f=name)
        )


def _is_stream(path: Path) -> bool:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _write_report(path: Path, content: str) -> Text | None:
    """None when written; otherwise why not (a full disk, no permission), for exit code 2."""
    try:
        if _is_stream(path):  # /dev/stdout, a pipe a script reads: written into, never replaced
            fd = os.open(path, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0))  # a pipe nobody reads: ENXIO, no hang
            with os.fdopen(fd, "wb") as handle:
                handle.write(content.encode("utf-8"))
        else:
            write_local_file(path, content.encode("utf-8"))  # in one step, never through a link planted at the name
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return Text(
            en="Cannot write the report to {f}: {e}.", nl="Kan het rapport niet schrijven naar {f}: {e}."
        ).format(f=excerpt(str(path), 200), e=reason)
    return None


# What --demo brings itself (its environment and credential): given with it, such an option would be ignored.
_NOT_WITH_DEMO = {
    "--environment": "environment",
    "--type": "type",
    "--base-url": "base_url",
    "--soap-url": "soap_url",
    "--token-file": "token_file",
    "--token-stdin": "token_stdin",
    "--client-id": "client_id",
    "--client-secret-file": "client_secret_file",
    "--client-secret-stdin": "client_secret_stdin",
}


def _client_auth_for_classic() -> InputError:
    return InputError(
        Text(
            en="--client-auth is for an OAuth client secret; a classic token is always sent the same way.",
            nl="--client-auth is voor een OAuth client secret; een klassiek token wordt altijd op dezelfde manier "
            "meegestuurd.",
        )
    )


def _check_mode_options(args: argparse.Namespace) -> None:
    """Refused before anything is sent: an option the chosen mode would silently ignore (issue 22 item 6)."""
    if args.demo:
        given = [flag for flag, name in _NOT_WITH_DEMO.items() if getattr(args, name) not in (None, False)]
        if given:
            raise InputError(
                Text(
                    en="{o} cannot be used with --demo: the demo brings its own environment and credential.",
                    nl="{o} kan niet samen met --demo: de demo heeft een eigen omgeving en inloggegevens.",
                ).format(o=", ".join(given))
            )
        if (args.auth or "classic") == "classic" and args.client_auth is not None:
            raise _client_auth_for_classic()
    elif args.auth is not None:
        raise InputError(
            Text(
                en="--auth is for --demo; for a real environment the credential you give says which kind it is.",
                nl="--auth is voor --demo; bij een echte omgeving bepalen de opgegeven inloggegevens de soort.",
            )
        )


def _demo(stack: ExitStack, auth: str, expires: dt.date | None) -> tuple[AfasEnvironment, Credential]:
    """The built-in simulator: scenario 'ready' with its classic token, or 'oauth-ready' with its OAuth client
    (with the --secret-expires date, when given, in place of the simulator's)."""
    from wizard.domain.oauth import with_expiry  # pydantic
    from wizard.sim import SimulatorServer  # uvicorn, starlette

    server = stack.enter_context(SimulatorServer("oauth-ready" if auth == "oauth" else "ready"))
    if auth == "oauth":
        client = server.oauth_credentials
        assert client is not None
        return server.environment, with_expiry(client, expires) if expires is not None else client
    token = server.token
    assert token is not None
    return server.environment, _no_expiry_for_classic(token, expires)


def _expiry(credential: Credential) -> SecretExpiry | None:
    """The OAuth client secret's expiry (given or remembered); None for a classic token (AFAS reports its own)."""
    from wizard.domain.oauth import OAuthClientCredentials  # pydantic
    from wizard.flow.renewal import SecretExpiry

    if not isinstance(credential, OAuthClientCredentials):
        return None
    return SecretExpiry(credential.secret_expires, dt.date.today())


def run(args: argparse.Namespace) -> int:
    import asyncio

    from wizard.domain.environment import parse_environment  # pydantic
    from wizard.domain.oauth import OAuthClientCredentials  # pydantic
    from wizard.verify import verify  # httpx, pydantic

    lang = lang_of(args)
    timeout = _check_timeout(args.timeout)
    _check_mode_options(args)
    if args.html is not None:
        _check_report_target(args.html)
    with ExitStack() as stack:
        if args.demo:
            env, credential = _demo(stack, args.auth or "classic", _secret_expires(args))
        else:
            if not args.environment:
                raise InputError(
                    Text(
                        en="Say which AFAS environment to check: --environment O12345AA (or --demo).",
                        nl="Geef aan welke AFAS-omgeving gecontroleerd wordt: --environment O12345AA (of --demo).",
                    )
                )
            env = parse_environment(args.environment, args.type, base_url=args.base_url, soap_url=args.soap_url)
            credential = _read_credential(args, env)
            if args.client_auth is not None and not isinstance(credential, OAuthClientCredentials):
                raise _client_auth_for_classic()
        client_auth: Literal["body", "basic"] = args.client_auth or "body"
        report = asyncio.run(verify(env, credential, lang=lang, timeout=timeout, client_auth=client_auth))
    expiry = _expiry(credential)
    code = report.exit_code()
    # The date AFAS showed has passed: AFAS may still accept the secret today (a late clock, a grace period), but
    # it will not for long. A defect, with the renewal as the remedy.
    expired = expiry is not None and expiry.level == "expired" and code == ExitCode.OK
    code = ExitCode.DEFECTS if expired else code
    unwritten = _write_report(args.html, redact(report.to_html(lang))) if args.html is not None else None
    if args.json:
        data = json.loads(report.to_json(lang))
        data["secret_expiry"] = expiry.as_dict(lang) if expiry is not None else None
        if expired:
            data["summary"] |= {"ok": False, "exit_code": int(code), "text": EXPIRED.get(lang)}
        print(json_for_terminal(redact(json.dumps(data, ensure_ascii=False, indent=2))), flush=True)
    else:
        lines = render_table(report, lang).split("\n")
        summary = EXPIRED.get(lang) if expired else lines[-1]
        # Above the summary line: the secret's date, the days left, and what to do in time.
        shown = [_field(expiry.message().get(lang))] if expiry is not None else []
        say("\n".join([*lines[:-1], *shown, summary]), lang)
    if unwritten is not None:
        # The check ran, but the report the user asked for does not exist: a script must not take that for success.
        say(unwritten, lang, sys.stderr)
        return ExitCode.BAD_INPUT
    return ExitCode(code)
