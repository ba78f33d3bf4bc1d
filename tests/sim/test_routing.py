"""The route table answers like AFAS's front end: case and extra slashes do not matter, AFAS's checks come before
the 404, and the log keeps the path as it was sent."""

from __future__ import annotations

from tests.sim.conftest import REST, Sim


def test_case_and_doubled_or_trailing_slashes_reach_the_same_endpoint(ready: Sim) -> None:
    for path in ("/ProfitRestServices/MetaInfo/", "/profitrestservices//metainfo", "/PROFITRESTSERVICES/METAINFO"):
        assert ready.request("GET", path).status_code == 200, path
    assert ready.state.log[-2].path == "/profitrestservices//metainfo"  # logged as sent


def test_path_parameters_keep_their_case(ready: Sim) -> None:
    # File ids are compared exactly: only the fixed parts of a path ignore case.
    found = ready.get("/SUBJECTCONNECTOR/1001/7CEE2C6B4A3F4F0A9D1E2B3C4D5E6F70")
    assert found.status_code == 200
    assert ready.get("/subjectconnector/1001/7cee2c6b4a3f4f0a9d1e2b3c4d5e6f70").status_code == 404


def test_unknown_shapes_under_a_known_path_need_a_token_before_the_404(ready: Sim) -> None:
    for method, path in (("GET", "/connectors"), ("GET", "/connectors/SBQ_BTW/extra"), ("POST", "/metainfo")):
        assert ready.request(method, f"{REST}{path}", auth=False).status_code == 401, path
        assert ready.request(method, f"{REST}{path}").status_code == 404, path
    assert ready.request("GET", f"{REST}/nothing-here", auth=False).status_code == 404
    assert ready.request("GET", "/elsewhere", auth=False).status_code == 404


def test_a_patch_is_counted_as_a_write_and_refused(ready: Sim) -> None:
    assert ready.write("PATCH", "/connectors/KnSubject", json={}).status_code == 404
    assert ready.state.writes == 1 and ready.state.log[-1].write


def test_soap_paths_ignore_case_too(ready: Sim) -> None:
    response = ready.request("GET", "/ProfitServices/AppConnectorData.asmx", auth=False)
    assert response.status_code == 405  # found, but SOAP wants POST
