"""SimAdmin: a small synchronous client of the /_sim/ admin API (the GUI demo and tests drive AFAS with it)."""

from __future__ import annotations

from typing import Any, Literal

import httpx

from wizard.domain.credentials import ClassicToken, parse_classic_token
from wizard.sim.model import DEFAULT_USER


class SimAdminError(RuntimeError):
    """The simulated AFAS refused a step; `code` names why (e.g. "unknown-connector", "invalid-gcn")."""

    def __init__(self, code: str, message: str, status: int) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.status = status


class SimAdmin:
    def __init__(self, origin: str, *, timeout: float = 10.0, transport: httpx.BaseTransport | None = None) -> None:
        # No kept-alive connections: admin calls are rare, and a SimAdmin that is never closed (a GUI demo, a test)
        # then leaves no open socket behind for the garbage collector to warn about.
        self._client = httpx.Client(
            base_url=origin.rstrip("/"),
            timeout=timeout,
            transport=transport,
            limits=httpx.Limits(max_keepalive_connections=0),
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
        self._call("POST", "import-gcn", params={"file_name": file_name}, content=data)

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
