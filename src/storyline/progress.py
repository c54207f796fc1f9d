"""Progress on long work: rich bars on stderr, silent with `quiet`."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)


class Reporter:
    """Named progress tasks; every method is a no-op when quiet, so steps never check."""

    def __init__(self, quiet: bool = False, console: Console | None = None) -> None:
        self.quiet = quiet
        self._progress: Progress | None = None
        self._tasks: dict[str, TaskID] = {}
        if not quiet:
            self._progress = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=console or Console(stderr=True),
                transient=False,
            )

    def __enter__(self) -> Reporter:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def start(self, name: str, description: str, total: int | None = None) -> None:
        if self._progress is not None:
            self._tasks[name] = self._progress.add_task(description, total=total)

    def advance(self, name: str, amount: int = 1) -> None:
        if self._progress is not None and name in self._tasks:
            self._progress.advance(self._tasks[name], amount)

    def finish(self, name: str) -> None:
        if self._progress is not None and name in self._tasks:
            task = self._tasks[name]
            done = self._progress.tasks[task].completed
            self._progress.update(task, total=max(done, 1), completed=max(done, 1))
