"""SimAdmin: a small synchronous client of the /_sim/ admin API (the GUI demo and tests drive AFAS with it)."""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Mapping
from typing import Any, Literal

import httpx
from pydantic import SecretStr

from wizard.domain.afas_actions import GuideStep
from wizard.domain.credentials import ClassicToken, parse_classic_token
from wizard.domain.oauth import OAuthClientCredentials, oauth_client_credentials
from wizard.domain.steps import StepId
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

    def apply_guide_step(self, step: StepId, gcn_files: Mapping[str, bytes] | None = None) -> ClassicToken | None:
        """Do one guide step (import, app-connector, link-connectors, token, dossier) in the simulated AFAS;
        `gcn_files` (name -> bytes) are imported instead of the bundled files. Returns the new token for
        `StepId.TOKEN`, else None. See wizard.sim.guide."""
        payload: dict[str, Any] = {"step": step}
        if gcn_files is not None:
            payload["gcn_files"] = {n: base64.b64encode(d).decode("ascii") for n, d in gcn_files.items()}
        body = self._call("POST", "guide-step", json=payload)
        token = body.get("token") if isinstance(body, dict) else None
        return parse_classic_token(str(token)) if token else None

    # --- the app connector's OAuth side (/_sim/oauth/*) ---

    def apply_oauth_step(self, step: GuideStep) -> OAuthClientCredentials | None:
        """Do one step of the OAuth guide or a move (an `AfasAction`, or a step of the OAuth guide; see
        wizard.sim.guide). Returns the client id and new secret for `AfasAction.CLIENT_SECRET`."""
        body = self._call("POST", "guide-step", json={"step": step})
        return _credentials(body)

    def oauth(self) -> dict[str, Any]:
        """The OAuth state: auth_type, client_id, secrets (id, dates, state, last 4 characters), settings."""
        result: dict[str, Any] = self._call("GET", "oauth")
        return result

    def set_auth_type(self, auth_type: Literal["classic", "hybrid", "oauth"]) -> None:
        self._call("POST", "oauth/auth-type", json={"auth_type": auth_type})

    def create_oauth_client(self) -> OAuthClientCredentials:
        """The OAuth client (created the first time) and a new secret, shown once."""
        body = self._call("POST", "oauth/client", json={})
        return oauth_client_credentials(str(body["client_id"]), str(body["client_secret"]), self._newest_expiry())

    def create_secret(self, validity_days: int | None = None) -> SecretStr:
        """A new client secret next to the existing ones (step 1 of a rotation); it becomes the client's secret."""
        payload = {"validity_days": validity_days} if validity_days is not None else {}
        return SecretStr(str(self._call("POST", "oauth/secrets", json=payload)["client_secret"]))

    def rotate_secret(self) -> OAuthClientCredentials:
        """AFAS's rotation: a new secret, then the old one revoked. Returns the client id and the new secret."""
        secret = self.create_secret()
        self.revoke_secret()
        client_id = str(self.oauth()["client_id"])
        return oauth_client_credentials(client_id, secret.get_secret_value(), self._newest_expiry())

    def revoke_secret(self, secret_id: int | None = None) -> int:
        """Revoke one secret (default: the oldest active one); its access tokens stop working too."""
        return int(self._call("POST", "oauth/secrets/revoke", json={"id": secret_id})["revoked"])

    def expire_secret(self, secret_id: int | None = None) -> int:
        """Let a secret's validity end yesterday (default: the oldest active one)."""
        return int(self._call("POST", "oauth/secrets/expire", json={"id": secret_id})["expired"])

    def revoke_access_tokens(self) -> int:
        return int(self._call("POST", "oauth/tokens/revoke", json={})["revoked"])

    def set_oauth_settings(self, **settings: Any) -> None:
        """UNCONFIRMED OAuth behaviours (each setting says what it decides: `sbq-setup simulator --list-settings`)."""
        self._call("POST", "oauth/settings", json={"settings": settings})

    def set_oauth_faults(self, **faults: bool) -> None:
        """Token endpoint trouble: maintenance (503), forbidden (403), garbage (200 HTML)."""
        self._call("POST", "oauth/settings", json={"faults": faults})

    def _newest_expiry(self) -> dt.date | None:
        secrets = self.oauth().get("secrets") or []
        expires = secrets[-1].get("expires") if secrets else None
        return dt.date.fromisoformat(expires) if expires else None

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


def _credentials(body: Any) -> OAuthClientCredentials | None:
    if not isinstance(body, dict) or not body.get("client_secret"):
        return None
    expires = body.get("secret_expires")
    day = dt.date.fromisoformat(str(expires)) if expires else None
    return oauth_client_credentials(str(body["client_id"]), str(body["client_secret"]), day)
