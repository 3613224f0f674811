"""Fixtures for the browser tests."""

from __future__ import annotations

import pytest

from tests.browser import ARGS, CHROMIUM, chromium_present


@pytest.fixture(scope="session")
def browser():
    if not chromium_present():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run scripts/setup.sh test (it installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield instance
        instance.close()
