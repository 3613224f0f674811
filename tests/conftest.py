"""Fixtures: the browser, and the databases lessons are kept in."""

from __future__ import annotations

import os
import re

import pytest

from outputs.lessons import DATA_DIR_ENV
from tests.browser import ARGS, CHROMIUM, chromium_present
from tests.databases import fresh_database, postgres_server


@pytest.fixture(scope="session", autouse=True)
def _lesson_data_folder(tmp_path_factory):
    # The app and the tests keep lessons in a folder of this run, never in the user's own data folder.
    os.environ[DATA_DIR_ENV] = str(tmp_path_factory.mktemp("lesson-data"))
    os.environ.pop("TRIPP_MAP_DATABASE_URL", None)
    # The command line speaks the environment's language: the tests read its English, whatever this machine's.
    os.environ["LANGUAGE"] = "en"
    yield


@pytest.fixture(scope="session")
def postgres_url():
    """A private PostgreSQL server for this test run (tests/databases.py)."""
    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """An empty lesson database: SQLite in a file, then a new database on the PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'lessons.sqlite3'}"
    name = "t_" + re.sub(r"\W", "_", request.node.name.lower())[:50]
    return fresh_database(request.getfixturevalue("postgres_url"), name)


@pytest.fixture(scope="session")
def browser():
    if not chromium_present():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run scripts/setup.sh test (it installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield instance
        instance.close()
