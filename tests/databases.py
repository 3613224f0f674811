"""The databases the lesson tests run on: SQLite in a temporary folder, and a private PostgreSQL server.

The server is Debian's PostgreSQL (``scripts/setup.sh test`` installs it), started for the test session in a
temporary folder on a Unix socket only, and stopped after it. ``TRIPP_MAP_TEST_POSTGRES_URL`` names an
existing server instead (it must be one the tests may fill and empty).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

__all__ = ["POSTGRES_URL_ENV", "fresh_database", "postgres_server"]

POSTGRES_URL_ENV = "TRIPP_MAP_TEST_POSTGRES_URL"


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}")) or [shutil.which(name) or ""]
    if not found[-1]:
        raise RuntimeError(f"PostgreSQL's {name} is not installed: run scripts/setup.sh test")
    return found[-1]


def _as_postgres(args: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root; Debian's package made the ``postgres`` user for it.
    if os.geteuid() != 0:
        return args
    return ["runuser", "-u", "postgres", "--", *args]


@contextmanager
def postgres_server():
    """A database URL on a fresh PostgreSQL server, for the length of the block."""
    if os.environ.get(POSTGRES_URL_ENV):
        yield os.environ[POSTGRES_URL_ENV]
        return
    folder = Path(tempfile.mkdtemp(prefix="tripp-pg-"))
    data, sock = folder / "data", folder / "sock"
    sock.mkdir()
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        for path in (folder, sock):
            os.chown(path, user.pw_uid, user.pw_gid)
    port = "5432"  # names the socket in this private folder only: no two servers meet
    try:
        subprocess.run(
            _as_postgres([_bin("initdb"), "-D", str(data), "-A", "trust", "-U", "tripp", "--no-sync"]),
            check=True,
            capture_output=True,
        )
        options = f"-k {sock} -p {port} -c listen_addresses='' -c fsync=off"
        subprocess.run(
            _as_postgres([_bin("pg_ctl"), "-D", str(data), "-o", options, "-w", "-l", str(folder / "log"), "start"]),
            check=True,
            capture_output=True,
        )
        yield f"postgresql+psycopg://tripp@/postgres?host={sock}&port={port}"
    finally:
        subprocess.run(
            _as_postgres([_bin("pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]), capture_output=True
        )
        shutil.rmtree(folder, ignore_errors=True)


def fresh_database(server_url: str, name: str) -> str:
    """A new, empty database on the server, by URL (each test its own: none sees another's lessons)."""
    import sqlalchemy as sa

    engine = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine.dispose()
    return sa.make_url(server_url).set(database=name).render_as_string(hide_password=False)
