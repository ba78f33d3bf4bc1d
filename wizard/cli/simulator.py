"""`sbq-setup simulator`: serve the built-in AFAS simulator on 127.0.0.1 until Ctrl+C (or SIGTERM)."""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import signal
import subprocess
import threading
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from wizard.cli.common import ExitCode, add_lang_option, lang_of, say
from wizard.cli.main import command_name
from wizard.data.local_file import LocalFileError, read_local_file, write_local_file
from wizard.domain.errors import InputError
from wizard.domain.text import Lang, Text

# The simulator (uvicorn, starlette, pydantic) is imported by the functions that use it: only when this subcommand
# runs, never for `sbq-setup --help` or the wizard's window. Its scenario names, Authenticatietypes and latency limit
# are checked there, against its own lists.
if TYPE_CHECKING:
    from wizard.sim.model import SimEnvironment

_OUR_TOKEN_FILE = re.compile(r"\s*<token><version>\d+</version><data>[0-9A-F]{64}</data></token>\s*")
_OUR_SECRET_FILE = re.compile(r"\s*[0-9A-F]{64}\s*")  # the simulator's client secrets: 64 uppercase hex


def _pasteable(*words: str) -> str:
    """A command line the user can paste: this program as it was started (not a bare 'sbq-setup' that may not be on
    PATH), then `words` quoted for this system's shell (a token file's path may hold spaces)."""
    quoted = subprocess.list2cmdline(words) if os.name == "nt" else shlex.join(words)
    return f"{command_name()} {quoted}"


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a port number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (0-65535; 0 = any free port)")
    return port


def _scenario(value: str) -> str:
    from wizard.sim.scenarios import SCENARIOS  # the simulator

    if value not in SCENARIOS:
        raise argparse.ArgumentTypeError(f"invalid choice: '{value}' (choose from {', '.join(SCENARIOS)})")
    return value


def _auth(value: str) -> str:
    from wizard.sim.scenarios import AUTH_PRESETS  # the simulator

    if value not in AUTH_PRESETS:
        raise argparse.ArgumentTypeError(
            f"unknown Authenticatietype '{value}'; choose one of: {', '.join(AUTH_PRESETS)}"
        )
    return value


def _latency(value: str) -> int:
    from wizard.sim.model import MAX_LATENCY_MS  # the simulator

    try:
        ms = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of milliseconds") from None
    if not 0 <= ms <= MAX_LATENCY_MS:
        raise argparse.ArgumentTypeError(f"{ms} ms is out of range (0-{MAX_LATENCY_MS})")
    return ms


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help_line: str) -> None:
    parser = subparsers.add_parser(
        name,
        help=help_line,
        description="Serve a simulated AFAS Profit environment (REST under /ProfitRestServices, SOAP under "
        "/profitservices, admin API under /_sim/) on 127.0.0.1 until Ctrl+C or SIGTERM (then exit 0). "
        "--list-settings shows the scenarios and settings. Bad input, a port in use included: exit 2.",
    )
    parser.add_argument("--port", type=_port, default=0, help="TCP port on 127.0.0.1 (default 0: any free port)")
    parser.add_argument(
        "--scenario",
        type=_scenario,
        default="ready",
        metavar="NAME",
        help="the environment at start: ready (default), fresh, an AFAS fault or an OAuth setup, as "
        "--list-settings lists them",
    )
    parser.add_argument(
        "--token-out",
        metavar="FILE",
        help="write the scenario's user token (XML) to FILE with mode 0600; an existing FILE is only replaced "
        "when it holds a token, never another file",
    )
    parser.add_argument(
        "--client-secret-out",
        metavar="FILE",
        help="write the scenario's OAuth client secret to FILE with mode 0600 (the client id is printed); an "
        "existing FILE is only replaced when it holds such a secret",
    )
    parser.add_argument(
        "--auth",
        type=_auth,
        default=None,
        metavar="TYPE",
        help="put the scenario's app connector on Authenticatietype TYPE (classic, hybrid or oauth) with an OAuth "
        "client (any scenario)",
    )
    parser.add_argument(
        "--setting",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="choose an UNCONFIRMED AFAS behaviour (--list-settings lists them); OAuth ones as "
        "oauth.NAME=VALUE; repeatable",
    )
    parser.add_argument(
        "--list-settings",
        action="store_true",
        help="print the scenarios, Authenticatietypes and settings with their values, and exit",
    )
    parser.add_argument(
        "--latency-ms", type=_latency, default=None, metavar="MS", help="delay every AFAS request by MS milliseconds"
    )
    add_lang_option(parser)
    parser.set_defaults(func=run)


def _check_token_target(path: Path, ours: re.Pattern[str] = _OUR_TOKEN_FILE) -> None:
    """Refuse a folder, a missing folder, or an existing file that is not one of ours (a token or secret file);
    each message starts with the option, since both may be given."""
    option = "--token-out" if ours is _OUR_TOKEN_FILE else "--client-secret-out"
    if path.is_dir():
        raise InputError(
            Text(
                en="{o} {p}: that is a folder; give a file name.", nl="{o} {p}: dat is een map; geef een bestandsnaam."
            ).format(o=option, p=path)
        )
    if not path.parent.is_dir():
        raise InputError(
            Text(en="{o} {p}: its folder does not exist.", nl="{o} {p}: de map bestaat niet.").format(o=option, p=path)
        )
    if path.exists() or path.is_symlink():
        try:
            # Bounded and never blocking (a FIFO or a link to a device): a file of ours is a few hundred bytes.
            content = read_local_file(path, 4096).decode("utf-8", errors="replace")
        except LocalFileError as exc:
            if exc.problem != "unreadable":
                content = ""  # a pipe, a device, a dangling link or a large file: not one of ours, refused below
            else:
                raise InputError(
                    Text(en="{o} {p}: cannot read it: {e}", nl="{o} {p}: kan het niet lezen: {e}").format(
                        o=option, p=path, e=exc.reason
                    )
                ) from None
        if not ours.fullmatch(content):
            raise InputError(
                Text(
                    en="{o} {p}: that file exists and is not a {what}; it will not be overwritten. Choose another "
                    "name.",
                    nl="{o} {p}: dat bestand bestaat al en is geen {what}; het wordt niet overschreven. Kies een "
                    "andere naam.",
                ).format(
                    o=option,
                    p=path,
                    what=Text(en="token file", nl="tokenbestand")
                    if ours is _OUR_TOKEN_FILE
                    else Text(en="client secret file", nl="client-secretbestand"),
                )
            )


def _write_token(path: Path, xml: str) -> None:  # also the client secret: the same care, another content
    """Write in one step with mode 0600 from the first byte: the file is never readable by others."""
    try:
        write_local_file(path, (xml + "\n").encode("utf-8"), private=True)
    except OSError as exc:
        raise InputError(
            Text(en="Cannot write {p}: {e}", nl="Kan {p} niet schrijven: {e}").format(p=path, e=exc.strerror or exc)
        ) from exc


def _setting_value(text: str) -> object:
    # JSON where it parses (401, 8, true), else the plain text (offer, access-token).
    try:
        return json.loads(text)
    except ValueError:
        return text


def _apply_settings(state: SimEnvironment, pairs: list[str]) -> None:
    from wizard.sim import actions  # the simulator
    from wizard.sim.model import SimStepError

    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise InputError(
                Text(
                    en="--setting needs NAME=VALUE, e.g. unlinked_get=401 or oauth.profit_version=8.",
                    nl="--setting verwacht NAAM=WAARDE, bijvoorbeeld unlinked_get=401 of oauth.profit_version=8.",
                )
            )
        try:
            if name.startswith("oauth."):
                actions.set_oauth_settings(state, **{name.removeprefix("oauth."): _setting_value(value.strip())})
            else:
                actions.set_settings(state, **{name: _setting_value(value.strip())})
        except SimStepError as exc:
            raise InputError(_setting_problem(name, exc.code), detail=exc.code) from None


def _setting_problem(name: str, code: str) -> Text:
    """Which part of NAME=VALUE is wrong, and what would be right (from the simulator's own tables)."""
    from wizard.cli import sim_settings

    setting = sim_settings.find(name)
    if code == "unknown-setting" or setting is None:
        names = ", ".join(sim_settings.names_like(name))
        return Text(
            en="--setting {n}: there is no setting of that name. Names: {names}. "
            "(sbq-setup simulator --list-settings shows their values.)",
            nl="--setting {n}: er is geen instelling met die naam. Namen: {names}. "
            "(sbq-setup simulator --list-settings toont hun waarden.)",
        ).format(n=name, names=names)
    return Text(
        en="--setting {n}: that value is not allowed; choose {values}.",
        nl="--setting {n}: die waarde is niet toegestaan; kies {values}.",
    ).format(
        n=name,
        values=Text(en=sim_settings.values_text(setting, Lang.EN), nl=sim_settings.values_text(setting, Lang.NL)),
    )


def _how_to_verify(scenario: str, *, has_token: bool, has_client: bool) -> Text:
    """No credential was written, so a verify command would have none: say how to get one instead."""
    if has_token or has_client:
        return Text(
            en="To verify from the command line, start the simulator again with --token-out FILE (or "
            "--client-secret-out FILE): it then prints the whole verify command.",
            nl="Om vanaf de opdrachtregel te controleren: start de simulator opnieuw met --token-out BESTAND (of "
            "--client-secret-out BESTAND); hij toont dan de hele controleopdracht.",
        )
    return Text(
        en="Nothing to verify yet: scenario {s} has no token or OAuth client id and secret. Create a token with "
        "POST /_sim/user-token, or start with --scenario ready --token-out FILE to verify at once.",
        nl="Nog niets te controleren: scenario {s} heeft geen token of OAuth client id en secret. Maak een token met "
        "POST /_sim/user-token, of start met --scenario ready --token-out BESTAND om meteen te controleren.",
    ).format(s=scenario)


def run(args: argparse.Namespace) -> int:
    from wizard.sim import SimulatorServer, SimulatorStartError, build_scenario  # the simulator
    from wizard.sim.admin_guard import KEY_HEADER

    lang: Lang = lang_of(args)
    if args.list_settings:
        from wizard.cli.sim_settings import listing

        say(listing(lang), lang)
        return ExitCode.OK
    token_path = Path(args.token_out).expanduser() if args.token_out else None
    if token_path is not None:
        _check_token_target(token_path)
    secret_path = Path(args.client_secret_out).expanduser() if args.client_secret_out else None
    if secret_path is not None:
        _check_token_target(secret_path, _OUR_SECRET_FILE)
    state = build_scenario(args.scenario, auth=args.auth)
    _apply_settings(state, args.setting)
    if args.latency_ms is not None:
        state.faults.latency_ms = args.latency_ms
    server = SimulatorServer(state=state, port=args.port)
    token = server.token
    client_secret = server.client_secret
    # The token file exists before the socket listens: the kernel completes TCP handshakes from listen() on, so a
    # script that waits for the port must never find the file missing. The same for the client secret.
    written: list[Path] = []
    try:
        if token_path is not None and token is not None:
            _write_token(token_path, token.xml())
            written.append(token_path)
        if secret_path is not None and client_secret is not None:
            _write_token(secret_path, client_secret.get_secret_value())
            written.append(secret_path)
        server.start()
    except (InputError, SimulatorStartError) as exc:
        for path in written:
            path.unlink(missing_ok=True)  # a credential of a server that never ran
        if isinstance(exc, InputError):
            raise
        if exc.port_in_use:
            raise InputError(
                Text(
                    en="Port {port} on 127.0.0.1 is already in use. Choose another --port (or 0 for any free port).",
                    nl="Poort {port} op 127.0.0.1 is al in gebruik. Kies een andere --port (of 0: een vrije poort).",
                ).format(port=args.port),
                detail=str(exc),
            ) from exc
        raise InputError(
            Text(en="The simulator could not start: {e}", nl="De simulator kon niet starten: {e}").format(e=exc)
        ) from exc
    stop = threading.Event()

    def on_signal(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        env_id = state.env_id
        say(
            Text(
                en="AFAS simulator (scenario {s}, environment {e}) on {o}",
                nl="AFAS-simulator (scenario {s}, omgeving {e}) op {o}",
            ).format(s=args.scenario, e=env_id, o=server.origin),
            lang,
        )
        say(Text(en="REST base URL: {u}", nl="REST-basis-URL: {u}").format(u=server.base_url), lang)
        say(Text(en="SOAP URL: {u}", nl="SOAP-URL: {u}").format(u=server.soap_url), lang)
        say(Text(en="Admin API: {u}/_sim/", nl="Beheer-API: {u}/_sim/").format(u=server.origin), lang)
        # Printed on purpose: scripts on this computer need it; a web page cannot read this terminal.
        say(
            Text(
                en="Admin key (send as {h}): {k}",
                nl="Beheersleutel (meesturen als {h}): {k}",
            ).format(h=KEY_HEADER, k=server.admin_key),
            lang,
        )
        verify: str | None = None
        if token_path is not None and token is not None:
            say(
                Text(en="Token written to {p} (mode 0600).", nl="Token geschreven naar {p} (modus 0600).").format(
                    p=token_path
                ),
                lang,
            )
            verify = _pasteable(
                "verify", "--environment", env_id, "--base-url", server.base_url, "--token-file", str(token_path)
            )
        elif token_path is not None and secret_path is None:
            say(
                Text(
                    en="No token in scenario {s} yet: nothing written to {p}. Create one with POST /_sim/user-token.",
                    nl="Nog geen token in scenario {s}: niets geschreven naar {p}. Maak er een met "
                    "POST /_sim/user-token.",
                ).format(s=args.scenario, p=token_path),
                lang,
            )
        if server.client_id is not None:
            # The client id is not a secret (afas-oauth.md §1.2); the secret only ever goes to the file.
            say(Text(en="OAuth client id: {c}", nl="OAuth client id: {c}").format(c=server.client_id), lang)
        if secret_path is not None and client_secret is not None:
            say(
                Text(
                    en="Client secret written to {p} (mode 0600).",
                    nl="Client secret geschreven naar {p} (modus 0600).",
                ).format(p=secret_path),
                lang,
            )
            verify = _pasteable(
                "verify",
                "--environment",
                env_id,
                "--base-url",
                server.base_url,
                "--client-id",
                str(server.client_id),
                "--client-secret-file",
                str(secret_path),
            )
        elif secret_path is not None:
            say(
                Text(
                    en="No OAuth client secret in scenario {s}: nothing written to {p}. Use --auth oauth or "
                    "an OAuth scenario.",
                    nl="Geen OAuth client secret in scenario {s}: niets geschreven naar {p}. Gebruik --auth oauth "
                    "of een OAuth-scenario.",
                ).format(s=args.scenario, p=secret_path),
                lang,
            )
        if verify is not None:
            say(Text(en="Verify with:", nl="Controleer met:"), lang)
            say(f"  {verify}", lang)
        else:
            say(_how_to_verify(args.scenario, has_token=token is not None, has_client=client_secret is not None), lang)
        say(Text(en="Press Ctrl+C to stop.", nl="Druk op Ctrl+C om te stoppen."), lang)
        while not stop.wait(0.5):  # a timed wait keeps Ctrl+C responsive on Windows
            if not server.running:
                break
    finally:
        server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    say(Text(en="Simulator stopped.", nl="Simulator gestopt."), lang)
    return ExitCode.OK
