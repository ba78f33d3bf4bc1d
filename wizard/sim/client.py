"""SimAdmin: a small synchronous client of the /_sim/ admin API (the GUI demo and tests drive AFAS with it)."""

from __future__ import annotations

import base64
from collections.abc import Mapping
from typing import Any, Literal

import httpx

from wizard.domain.credentials import ClassicToken, parse_classic_token
from wizard.sim.admin_guard import KEY_HEADER, key_for
from wizard.sim.model import DEFAULT_USER


class SimAdminError(RuntimeError):
    """The simulated AFAS refused a step; `code` names why (e.g. "unknown-connector", "invalid-gcn")."""

    def __init__(self, code: str, message: str, status: int) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.status = status


class SimAdmin:
    """`key` is the server's admin key (`SimulatorServer.admin_key`, or the one `sbq-setup simulator` prints);
    without it, the key of a SimulatorServer this process started at `origin`."""

    def __init__(
        self,
        origin: str,
        *,
        key: str | None = None,
        timeout: float = 10.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        key = key if key is not None else key_for(origin)
        # No kept-alive connections: admin calls are rare, and a SimAdmin that is never closed (a GUI demo, a test)
        # then leaves no open socket behind for the garbage collector to warn about.
        self._client = httpx.Client(
            base_url=origin.rstrip("/"),
            timeout=timeout,
            transport=transport,
            limits=httpx.Limits(max_keepalive_connections=0),
            trust_env=False,  # the simulator is on loopback: never through a configured proxy (issue 12 item 3)
            headers={KEY_HEADER: key} if key else None,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> SimAdmin:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self._client.request(method, f"/_sim/{path}", **kwargs)
        try:
            body = response.json()
        except ValueError:
            body = {}
        if response.is_error:
            error = body if isinstance(body, dict) else {}
            raise SimAdminError(str(error.get("error", "error")), str(error.get("message", "")), response.status_code)
        return body

    # --- the guide's steps ---

    def import_gcn(self, file_name: str, data: bytes) -> None:
        self._call(
            "POST",
            "import-gcn",
            params={"file_name": file_name},
            content=data,
            headers={"Content-Type": "application/octet-stream"},
        )

    def create_app_connector(self, description: str, user_group: str) -> None:
        self._call("POST", "app-connector", json={"description": description, "user_group": user_group})

    def app_connector_keys(self) -> tuple[str, str]:
        """(API key, environment key) shown on the app connector screen; needed for the OTP flow."""
        body = self._call("POST", "app-connector", json={})
        return str(body["api_key"]), str(body["environment_key"])

    def unblock_app_connector(self) -> None:
        self._call("POST", "app-connector/unblock")

    def block_app_connector(self) -> None:
        self._call("POST", "app-connector/block")

    def link(self, kind: Literal["get", "update", "special"], connector_id: str) -> None:
        self._call("POST", "link", json={"kind": kind, "connector_id": connector_id})

    def unlink(self, kind: Literal["get", "update", "special"], connector_id: str) -> None:
        self._call("POST", "unlink", json={"kind": kind, "connector_id": connector_id})

    def create_user_token(self, user: str = DEFAULT_USER) -> ClassicToken:
        body = self._call("POST", "user-token", json={"user": user})
        return parse_classic_token(str(body["token"]))

    def set_dossier_destinations(self, purchase_invoice: str, sales_invoice: str, type_id: int | None = None) -> None:
        payload: dict[str, Any] = {"purchase_invoice": purchase_invoice, "sales_invoice": sales_invoice}
        if type_id is not None:
            payload["type_id"] = type_id
        self._call("POST", "dossier-destinations", json=payload)

    def apply_guide_step(self, step: str, gcn_files: Mapping[str, bytes] | None = None) -> ClassicToken | None:
        """Do one guide step (a wizard step id: "import", "app-connector", "link-connectors", "token", "dossier")
        in the simulated AFAS; `gcn_files` (name -> bytes) are imported instead of the bundled files. Returns the
        new token for "token", else None. See wizard.sim.guide."""
        payload: dict[str, Any] = {"step": step}
        if gcn_files is not None:
            payload["gcn_files"] = {n: base64.b64encode(d).decode("ascii") for n, d in gcn_files.items()}
        body = self._call("POST", "guide-step", json=payload)
        token = body.get("token") if isinstance(body, dict) else None
        return parse_classic_token(str(token)) if token else None

    # --- inspection and faults ---

    def state(self) -> dict[str, Any]:
        result: dict[str, Any] = self._call("GET", "state")
        return result

    def request_log(self) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = self._call("GET", "log")
        return result

    def reset_log(self) -> None:
        self._call("DELETE", "log")

    def set_faults(self, **faults: Any) -> None:
        self._call("POST", "faults", json=faults)

    def set_settings(self, **settings: Any) -> None:
        self._call("POST", "settings", json=settings)

    def outbox(self) -> list[dict[str, str]]:
        result: list[dict[str, str]] = self._call("GET", "outbox")
        return result
