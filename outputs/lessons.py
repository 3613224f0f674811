"""Where lessons are kept: an embedded SQLite database by default, PostgreSQL by URL, on SQLAlchemy Core.

- The default needs no set-up: ``lessons.sqlite3`` in the user's data folder (``platformdirs``), or in
  ``TRIPP_MAP_DATA_DIR``; ``TRIPP_MAP_DATABASE_URL`` points every app process of a school at one server
  (``postgresql+psycopg://user:password@host/db``). SQLite is opened with WAL, so a class reads while the
  teacher writes.
- Each lesson has a random id (its view link) and an edit key, shown once to its author and stored only as
  its SHA-256 (a key is 192 random bits: a fast hash is enough, and no key can be read back from the data).
- Every change is one transaction; a save names the revision it was made on and is refused when the lesson
  has moved on since (another tab, another teacher), so nothing is overwritten unseen.
- The schema carries its version (table ``tripp_meta``); :data:`MIGRATIONS` brings an older database up to
  date when a store opens it, under a lock on PostgreSQL so several processes starting at once migrate once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from geo.errors import TrippError, shown
from geo.lesson import Lesson, lesson_from_json, lesson_to_json

__all__ = [
    "DATABASE_URL_ENV",
    "DATA_DIR_ENV",
    "SCHEMA_VERSION",
    "LessonNotFound",
    "LessonStore",
    "StaleSave",
    "Stored",
    "WrongKey",
    "default_url",
]

DATABASE_URL_ENV = "TRIPP_MAP_DATABASE_URL"
DATA_DIR_ENV = "TRIPP_MAP_DATA_DIR"

_META = sa.MetaData()
META = sa.Table("tripp_meta", _META, sa.Column("name", sa.String(40), primary_key=True), sa.Column("value", sa.Text))
LESSONS = sa.Table(
    "lessons",
    _META,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("key_hash", sa.String(64), nullable=False),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("updated_at", sa.String(32), nullable=False),
)


def _v1(conn: Connection) -> None:
    LESSONS.create(conn)


# Migration n brings a database at version n - 1 to version n; a new schema appends one, never edits one.
MIGRATIONS: tuple[Callable[[Connection], None], ...] = (_v1,)
SCHEMA_VERSION = len(MIGRATIONS)


class LessonNotFound(TrippError):
    """No lesson has this id (a mistyped link, or one deleted)."""


class WrongKey(TrippError):
    """The key given is not this lesson's edit key (or none was given)."""


class StaleSave(TrippError):
    """The lesson changed since this copy was opened: the save is refused, the newer lesson kept."""


@dataclass(frozen=True)
class Stored:
    id: str
    revision: int
    lesson: Lesson


def default_url() -> str:
    """The database a store opens by default: the URL setting, else SQLite in the data folder."""
    url = os.environ.get(DATABASE_URL_ENV, "").strip()
    if url:
        return url
    folder = os.environ.get(DATA_DIR_ENV, "").strip()
    if not folder:
        from platformdirs import user_data_dir

        folder = user_data_dir("tripp-map", appauthor=False)
    return f"sqlite:///{Path(folder) / 'lessons.sqlite3'}"


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _sqlite_engine(url: sa.URL) -> Engine:
    if url.database and url.database != ":memory:":
        try:
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise TrippError(f"cannot open the lesson database: {shown(url.database)}: {exc.strerror}") from None
    engine = sa.create_engine(url, connect_args={"timeout": 15})

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi, _record) -> None:
        # SQLAlchemy's recipe for real transactions on pysqlite: the driver's own begins none for DDL.
        dbapi.isolation_level = None
        cursor = dbapi.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=15000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


class LessonStore:
    """Lessons in one database. Safe to share between threads; several processes may open the same one."""

    def __init__(self, url: str | None = None):
        try:
            parsed = sa.make_url(url or default_url())
        except sa.exc.ArgumentError:
            raise TrippError("the lesson database's URL cannot be read (see the README: Lessons)") from None
        self.url = parsed
        self.engine = (
            _sqlite_engine(parsed)
            if parsed.get_backend_name() == "sqlite"
            else sa.create_engine(parsed, pool_pre_ping=True, pool_size=5, max_overflow=10)
        )
        self._migrate()

    def _migrate(self) -> None:
        try:
            with self.engine.begin() as conn:
                if conn.dialect.name == "postgresql":
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(7461)"))  # one process migrates
                META.create(conn, checkfirst=True)
                row = conn.execute(sa.select(META.c.value).where(META.c.name == "schema")).first()
                version = int(row[0]) if row else 0
                if version > SCHEMA_VERSION:
                    raise TrippError(
                        f"the lesson database is at schema {version}, newer than this tripp-map's "
                        f"{SCHEMA_VERSION}: upgrade tripp-map"
                    )
                for migration in MIGRATIONS[version:]:
                    migration(conn)
                if row is None:
                    conn.execute(META.insert().values(name="schema", value=str(SCHEMA_VERSION)))
                elif version < SCHEMA_VERSION:
                    conn.execute(META.update().where(META.c.name == "schema").values(value=str(SCHEMA_VERSION)))
        except sa.exc.OperationalError as exc:
            raise TrippError(f"cannot open the lesson database: {str(exc.orig).splitlines()[0]}") from None

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(META.c.value).where(META.c.name == "schema")).scalar_one())

    def create(self, lesson: Lesson) -> tuple[Stored, str]:
        """Keep a new lesson; return it and its edit key (the only time the key is known)."""
        key = secrets.token_urlsafe(24)
        body = lesson_to_json(lesson)
        now = _now()
        with self.engine.begin() as conn:
            for _ in range(5):
                lesson_id = secrets.token_urlsafe(9)
                if conn.execute(sa.select(LESSONS.c.id).where(LESSONS.c.id == lesson_id)).first() is None:
                    break
            conn.execute(
                LESSONS.insert().values(
                    id=lesson_id,
                    key_hash=_hash(key),
                    revision=1,
                    title=lesson.title,
                    body=body,
                    created_at=now,
                    updated_at=now,
                )
            )
        return Stored(lesson_id, 1, lesson), key

    def get(self, lesson_id: str) -> Stored:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(LESSONS.c.revision, LESSONS.c.body).where(LESSONS.c.id == str(lesson_id)[:32])
            ).first()
        if row is None:
            raise LessonNotFound("no lesson has this link: check the address, or ask for a new one")
        return Stored(str(lesson_id), int(row.revision), lesson_from_json(row.body, "the saved lesson"))

    def can_edit(self, lesson_id: str, key: str | None) -> bool:
        if not key:
            return False
        with self.engine.connect() as conn:
            stored = conn.execute(sa.select(LESSONS.c.key_hash).where(LESSONS.c.id == str(lesson_id)[:32])).scalar()
        return stored is not None and secrets.compare_digest(stored, _hash(key))

    def save(self, lesson_id: str, key: str | None, lesson: Lesson, revision: int) -> Stored:
        """Replace the lesson made on ``revision``; the new revision. :class:`WrongKey` or :class:`StaleSave`
        when refused: the stored lesson is then unchanged."""
        if not self.can_edit(lesson_id, key):
            raise WrongKey("this link cannot edit the lesson: only its edit link (with its key) can")
        body = lesson_to_json(lesson)
        with self.engine.begin() as conn:
            done = conn.execute(
                LESSONS.update()
                .where(LESSONS.c.id == lesson_id, LESSONS.c.revision == revision, LESSONS.c.key_hash == _hash(key))
                .values(revision=revision + 1, title=lesson.title, body=body, updated_at=_now())
            )
            if done.rowcount != 1:
                raise StaleSave(
                    "the lesson was changed in another tab or window since this one opened it: your last change "
                    "was not saved; reload to see the lesson as it is now"
                )
        return Stored(lesson_id, revision + 1, lesson)

    def import_file(self, data: bytes, label: str = "lesson file") -> tuple[Stored, str]:
        """A lesson file kept as a new lesson (checked whole first: a bad file keeps nothing)."""
        return self.create(lesson_from_json(data, label))

    def close(self) -> None:
        self.engine.dispose()
