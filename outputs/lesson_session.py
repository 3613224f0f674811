"""One browser session's lesson: which it has open, whether it may edit it, and the last refusal, in words.

The app keeps one :class:`LessonSession` in each Streamlit session; every rule of opening, saving and leaving
a lesson lives here, so it is tested without Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from geo.errors import TrippError, one_line
from geo.lesson import Lesson
from outputs.lessons import LessonStore, Stored

__all__ = ["READ_ONLY", "LessonSession"]

READ_ONLY = "This link's key is not this lesson's edit key: the lesson opens read-only, as the class sees it"


@dataclass
class LessonSession:
    lesson: Lesson | None = None
    id: str = ""
    revision: int = 0
    key: str = ""  # the edit key, when this session may edit
    link: tuple[str, str] = ("", "")  # the (lesson, key) of the address last opened
    error: str = ""
    new: bool = False  # made in this session: its edit link is shown this once

    @property
    def editing(self) -> bool:
        return self.lesson is not None and bool(self.key)

    def articles(self) -> tuple[tuple[str, str, str, str], ...]:
        """The lesson's articles as the app keys them: (text, name, date, source)."""
        return tuple((a.text, a.name, a.date, a.source) for a in self.lesson.articles) if self.lesson else ()

    def _hold(self, stored: Stored, key: str) -> None:
        self.lesson, self.id, self.revision, self.key = stored.lesson, stored.id, stored.revision, key

    def open(self, store: LessonStore, lesson_id: str, key: str) -> bool:
        """Open the lesson an address names, once per address; True when the session now holds another lesson."""
        if not lesson_id or self.link == (lesson_id, key):
            return False
        self.link = (lesson_id, key)
        try:
            stored = store.get(lesson_id)
            editable = store.can_edit(lesson_id, key)
        except TrippError as exc:
            self.error = f"{one_line(exc)}: the seed article is shown instead"
            return False
        self._hold(stored, key if editable else "")
        self.new, self.error = False, READ_ONLY if key and not editable else ""
        return True

    def save(self, store: LessonStore, lesson: Lesson) -> bool:
        """Save a change made on the revision this session holds; a refusal is kept in :attr:`error`."""
        try:
            stored = store.save(self.id, self.key, lesson, self.revision)
        except TrippError as exc:
            self.error = one_line(exc)
            return False
        self._hold(stored, self.key)
        self.error = ""
        return True

    def create(self, make: Callable[[], tuple[Stored, str]]) -> bool:
        """Hold a new lesson (saved from the map, or imported) for editing by its author."""
        try:
            stored, key = make()
        except TrippError as exc:
            self.error = one_line(exc)
            return False
        self._hold(stored, key)
        self.link, self.new, self.error = (stored.id, key), True, ""
        return True

    def reload(self, store: LessonStore) -> None:
        """The lesson as it is stored now (after a refused save)."""
        self.link = ("", "")
        self.open(store, self.id, self.key)
