"""The simulator's answers follow AFAS's own OpenAPI specs (AFASSoftware/OASContent), checked with openapi-core over
loopback, so a drift in a field name or type fails here.

The specs are not in this repository: they are read from ../shared/reference/oas beside the repository root (for a
git worktree, also beside its main checkout) and pinned by SHA-256, as their README asks. Without them the tests
skip and say so.

Taken literally, AFAS's response schemas accept almost anything (no `required`, no `additionalProperties`). For a
GetConnector with its own schema (Profit_Subjects, Profit_SubjectTypes) the test reads the schema as the full
contract of a row: every listed field present, no other field, each field its JSON type or null (AFAS's
get-connector guide shows null for empty fields). The copies themselves are never changed; the 7.7.10 delta
(customConnectors in /MetaInfo) is applied in memory as its file describes.
"""

from __future__ import annotations

import copy
import hashlib
import json
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.templating.paths.exceptions import OperationNotFound, PathNotFound
from werkzeug.datastructures import Headers, ImmutableMultiDict

from wizard.sim import SimulatorServer
from wizard.sim.scenarios import REPORT_GUID

pytestmark = pytest.mark.loopback

REPO = Path(__file__).resolve().parents[2]
SPECS = {  # file -> SHA-256 pinned in shared/reference/oas/README.md
    "en/Inrichting.json": "510a833893e49bfd6ff3fd22b73ffb8dc78b7e6bf77a2216d1fff5d547a57ad2",
    "en/Dossiers en bijlagen en workflows.json": "3d882f1dc1074bc932d9925216776be0c6841565ae1d6915df0bc4eca3960687",
}
DELTA = ("7.7.10-delta.json", "e3097724e7c4b7090959e25d7de66f359769dec7708cf478ebedcc117b3102ff")
# GetConnector metainfo dataType -> the JSON type of the row field in AFAS's schema.
JSON_TYPE = {"int": "integer", "decimal": "number", "boolean": "boolean", "string": "string", "date": "string"}


def _candidates() -> Iterator[Path]:
    yield REPO.parent / "shared" / "reference" / "oas"
    try:  # a git worktree: shared/ sits beside the main checkout
        common = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--path-format=absolute", "--git-common-dir"],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return
    yield Path(common).parent.parent / "shared" / "reference" / "oas"


def _oas_dir() -> Path | None:
    return next((d for d in _candidates() if all((d / name).is_file() for name in [*SPECS, DELTA[0]])), None)


def _load(folder: Path, name: str, sha256: str) -> Any:
    data = (folder / name).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    assert digest == sha256, f"{folder / name} is not the pinned copy (SHA-256 {digest}); see its README"
    return json.loads(data)


def _apply_delta(specs: dict[str, Any], delta: Any) -> None:
    for change in delta["add"]:
        node = specs[change["file"]]
        *parents, last = change["at"]
        for key in parents:
            node = node[key]
        node[last] = change["value"]


def _rows_schema(operation: dict[str, Any]) -> dict[str, Any] | None:
    try:
        schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
        rows: dict[str, Any] = schema["properties"]["rows"]["items"]
    except (KeyError, TypeError):
        return None
    return rows if "properties" in rows else None


def _as_full_contract(spec: dict[str, Any]) -> dict[str, str]:
    """Rows of GetConnectors with their own path: exactly their fields, each its type or null. Returns the
    connector ids made strict."""
    strict = {}
    for path, item in spec["paths"].items():
        if not path.startswith("/connectors/") or "{" in path or "get" not in item:
            continue
        rows = _rows_schema(item["get"])
        if rows is None:
            continue
        rows["required"] = sorted(rows["properties"])
        rows["additionalProperties"] = False
        for prop in rows["properties"].values():
            prop["nullable"] = True
        strict[path.removeprefix("/connectors/")] = path
    return strict


@dataclass(frozen=True)
class Specs:
    documents: dict[str, Any]  # file -> the spec as a dict (delta applied, strict rows)
    strict: dict[str, str]  # connector id -> path of its own schema

    def row_types(self, connector: str) -> dict[str, str]:
        for document in self.documents.values():
            item = document["paths"].get(f"/connectors/{connector}")
            if item is not None:
                rows = _rows_schema(item["get"])
                assert rows is not None
                return {k: v["type"] for k, v in rows["properties"].items()}
        raise KeyError(connector)

    def for_server(self, base_url: str) -> dict[str, OpenAPI]:
        out = {}
        for name, document in self.documents.items():
            served = copy.deepcopy(document)
            served["servers"] = [{"url": base_url}]
            out[name] = OpenAPI.from_dict(served)
        return out


@pytest.fixture(scope="module")
def specs() -> Specs:
    folder = _oas_dir()
    if folder is None:
        pytest.skip(
            "AFAS's OpenAPI specs are not at ../shared/reference/oas beside the repository (clone without shared/)"
        )
    documents = {name: _load(folder, name, sha) for name, sha in SPECS.items()}
    _apply_delta(documents, _load(folder, *DELTA))
    strict: dict[str, str] = {}
    for document in documents.values():
        strict.update(_as_full_contract(document))
    return Specs(documents, strict)


@dataclass
class _Request:
    host_url: str
    path: str
    method: str
    content_type: str
    body: bytes | None
    parameters: RequestParameters = field(default_factory=RequestParameters)


@dataclass
class _Response:
    status_code: int
    content_type: str
    headers: Headers
    data: bytes


def _check(apis: dict[str, OpenAPI], response: httpx.Response) -> list[str]:
    """Validate one answer against every spec that describes its path; returns the specs that did."""
    request = response.request
    wrapped_request = _Request(
        host_url=f"{request.url.scheme}://{request.url.netloc.decode('ascii')}",
        path=request.url.path,
        method=request.method.lower(),
        content_type=request.headers.get("content-type", ""),
        body=request.content or None,
        parameters=RequestParameters(
            query=ImmutableMultiDict(list(request.url.params.multi_items())),
            header=Headers(list(request.headers.items())),
        ),
    )
    wrapped_response = _Response(
        status_code=response.status_code,
        content_type=response.headers.get("content-type", "").lower(),
        headers=Headers(list(response.headers.items())),
        data=response.content,
    )
    checked = []
    for name, api in apis.items():
        try:
            api.validate_response(wrapped_request, wrapped_response)
        except (PathNotFound, OperationNotFound):  # this spec does not describe it; another may
            continue
        checked.append(name)
    assert checked, f"no spec describes {request.method} {request.url.path}"
    return checked


def _answers(server: SimulatorServer) -> Iterator[httpx.Response]:
    """Every kind of answer the verification and the demo meet, in AFAS's path spelling."""
    assert server.token is not None
    auth = {"Authorization": server.token.authorization_header()}
    admin = server.admin()
    admin.set_settings(subject_types_readable="always")  # Profit_SubjectTypes has its own schema: include it
    with httpx.Client(base_url=server.base_url, headers=auth, timeout=10) as afas:
        listed = afas.get("/MetaInfo")
        yield listed
        gets = [c["id"] for c in listed.json()["getConnectors"]] + ["Profit_SubjectTypes"]
        for connector in gets:
            yield afas.get(f"/Metainfo/get/{connector}")
            yield afas.get(f"/connectors/{connector}", params={"skip": 0, "take": 5})
        for update in listed.json()["updateConnectors"]:
            yield afas.get(f"/Metainfo/update/{update['id']}")
        yield afas.get("/ProfitVersion")
        yield afas.get("/SubjectConnector", params={"SubjectId": 1001, "FileId": "7CEE2C6B4A3F4F0A9D1E2B3C4D5E6F70"})
        yield afas.get(
            "/FileConnector", params={"fileid": "7CEE2C6B4A3F4F0A9D1E2B3C4D5E6F70", "filename": "INK-2026-0001.pdf"}
        )
        yield afas.get(f"/ReportConnector/{REPORT_GUID}")
        yield afas.get("/connectors/Not_Linked")  # 500 with AFAS's error body
        subject = {"KnSubject": {"Element": {"Fields": {"StId": 3, "Ds": "Factuur"}}}}
        yield afas.post("/connectors/KnSubject", json=subject)
        yield afas.delete("/connectors/KnSubject/KnSubject/@SbId/2000")
        api_key, environment_key = admin.app_connector_keys()
        otp_request = {"apiKey": api_key, "apiToken": environment_key, "userId": "12345.sbq"}
        yield afas.post("/OtpRequest", json=otp_request)
        code = admin.outbox()[-1]["otp"]
        yield afas.post("/OtpValidation", json={**otp_request, "otp": code})
        yield afas.get("/MetaInfo", headers={"Authorization": ""})  # 401, empty
        admin.set_faults(maintenance=True)
        yield afas.get("/MetaInfo")  # 503 {"error", "retry_after"}
        admin.set_faults(maintenance=False)


def test_the_simulators_answers_follow_afas_openapi_specs(specs: Specs) -> None:
    with SimulatorServer("ready") as server:
        apis = specs.for_server(server.base_url)
        checked = [(r.request.method, r.request.url.path, r.status_code, _check(apis, r)) for r in _answers(server)]
    statuses = {status for _method, _path, status, _specs in checked}
    assert {200, 201, 401, 500, 503} <= statuses
    assert len(checked) > 40
    print(f"{len(checked)} simulator answers valid against AFAS's OpenAPI specs")


def test_connectors_with_their_own_schema_have_its_fields_and_types_in_metainfo_too(specs: Specs) -> None:
    assert {"Profit_Subjects", "Profit_SubjectTypes"} <= set(specs.strict)
    with SimulatorServer("ready") as server:
        assert server.token is not None
        server.admin().set_settings(subject_types_readable="always")
        auth = {"Authorization": server.token.authorization_header()}
        for connector in ("Profit_Subjects", "Profit_SubjectTypes"):
            meta = httpx.get(f"{server.base_url}/Metainfo/get/{connector}", headers=auth).json()
            ours = {f["id"]: JSON_TYPE[f["dataType"]] for f in meta["fields"]}
            assert ours == specs.row_types(connector), connector


def test_answers_to_bearer_calls_follow_the_specs_too(specs: Specs) -> None:
    with SimulatorServer("oauth-ready") as server:
        apis = specs.for_server(server.base_url)
        credentials = server.oauth_credentials
        assert credentials is not None and server.token is not None
        form = {"grant_type": "client_credentials", "client_id": credentials.client_id}
        token = httpx.post(server.token_url, data={**form, "client_secret": credentials.secret()})
        bearer = {"Authorization": f"Bearer {token.json()['access_token']}"}
        with httpx.Client(base_url=server.base_url, headers=bearer, timeout=10) as afas:
            answers = [
                afas.get("/MetaInfo"),
                afas.get("/Metainfo/get/Profit_Subjects"),
                afas.get("/connectors/Profit_Subjects", params={"skip": 0, "take": 5}),
                afas.get("/connectors/Not_Linked"),
                afas.get("/MetaInfo", headers={"Authorization": server.token.authorization_header()}),
            ]
        assert [a.status_code for a in answers] == [200, 200, 200, 500, 401]
        for answer in answers:
            _check(apis, answer)
