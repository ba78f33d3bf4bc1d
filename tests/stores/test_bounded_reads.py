"""Every local file the product reads goes through one reader that never blocks, reads only regular files and
never more than its cap (issue 23 item 8): a pipe or a link to /dev/zero where a progress file or a .gcn is
expected is refused at once, whatever size the OS reports.

Each case runs in a child process with a memory limit and a deadline: a reader that follows the device would
otherwise eat the machine's memory, and one that opens the pipe would hang the test run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from tests.gcn_samples import bundle_dir  # noqa: F401 - the fixture
from wizard.data.local_file import LocalFileError, read_local_file

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(), reason="POSIX only")
ROOT = Path(__file__).resolve().parents[2]


def _isolated(code: str, env_extra: dict[str, str] | None = None) -> Any:
    """Run `code` (which prints one JSON line) under a 1 GB address-space limit and a 30 s deadline."""
    prelude = "import resource; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
    done = subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=ROOT,
        env={**os.environ, **(env_extra or {})},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(params=["fifo", "dev-zero"])
def special(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """Where a regular file is expected: a named pipe without a writer, or a link to an endless device."""
    path = tmp_path / "special"
    if request.param == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    return path


def test_a_progress_folder_with_a_pipe_or_device_still_lists_the_good_files(tmp_path: Path) -> None:
    folder = tmp_path / "progress"
    folder.mkdir()
    os.mkfifo(folder / "pipe.json")
    (folder / "zero.json").symlink_to("/dev/zero")
    result = _isolated(
        f"""
        import json
        from pathlib import Path
        from wizard.stores.progress import OrganisationProgress, ProgressStore
        store = ProgressStore(Path({str(folder)!r}))
        store.save(OrganisationProgress(env_key="O12345AA", env_id="O12345AA", organisation="Bakkerij"))
        print(json.dumps([p.organisation for p in store.list()]))
        """
    )
    assert result == ["Bakkerij"]
    assert (folder / "pipe.json").exists() and (folder / "zero.json").is_symlink()  # left alone, not set aside


def test_diagnose_answers_with_a_pipe_in_the_progress_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    folder = data / "sbq-afas-setup" / "progress"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "O12345AA-0000000000000000.json")
    done = subprocess.run(
        [sys.executable, "-m", "wizard", "diagnose", "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "XDG_DATA_HOME": str(data), "HOME": str(tmp_path)},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.mark.usefixtures("bundle_dir")
def test_bundle_adopt_refuses_a_pipe_or_device_at_once(special: Path, bundle_dir: Path) -> None:  # noqa: F811
    result = _isolated(
        f"""
        import json
        from pathlib import Path
        from wizard.data.bundle import adopt_files
        from wizard.domain.bundle import AdoptError
        try:
            adopt_files([Path({str(special)!r})])
        except AdoptError as exc:
            print(json.dumps({{"refused": exc.message.en}}))
        """,
        {"SBQ_CONNECTORS_DIR": str(bundle_dir)},
    )
    assert "is not a regular file" in str(result["refused"])


def test_a_file_larger_than_the_cap_is_refused_without_reading_past_it(tmp_path: Path) -> None:
    path = tmp_path / "big"
    path.write_bytes(b"x" * 101)
    assert read_local_file(path, 101) == b"x" * 101
    with pytest.raises(LocalFileError) as refused:
        read_local_file(path, 100)
    assert refused.value.problem == "too-large"


def test_the_reader_refuses_a_pipe_or_device(special: Path) -> None:
    with pytest.raises(LocalFileError) as refused:
        read_local_file(special, 1000)
    assert refused.value.problem == "not-regular"
