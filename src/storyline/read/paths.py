"""Turn the inputs a user typed (files, folders, globs) into a deterministic list of files.

Order matters because ids, duplicate resolution and output files must not change between runs:
inputs keep their order, folders are walked in sorted name order, glob matches are sorted.
"""

from __future__ import annotations

import errno
import glob
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from storyline.errors import Rejection
from storyline.options import Options

Found = tuple[Path, Path | None]
"""A file to read and the input folder it was found under (None when named directly)."""


def expand_inputs(inputs: Sequence[str], options: Options) -> Iterator[Found | Rejection]:
    """Yield every file the inputs name, or a Rejection for an input that names nothing usable."""
    for raw in inputs:
        yield from _expand_one(raw, options)


def _expand_one(raw: str, options: Options) -> Iterator[Found | Rejection]:
    path = Path(raw)
    if path.is_symlink() or path.exists():
        yield from _expand_path(path, options)
        return
    if glob.has_magic(raw):
        matches = sorted(glob.glob(raw, recursive=True))
        if not matches:
            yield Rejection(raw, "E112", "the glob matches nothing")
        for match in matches:
            yield from _expand_path(Path(match), options)
        return
    yield Rejection(raw, "E112", "no such file or folder")


def link_problem(path: Path) -> Rejection | None:
    """A Rejection when `path` is a symlink loop, a dangling link or cannot be resolved."""
    try:
        path.resolve(strict=True)
    except RuntimeError:  # Python < 3.13 reports a loop this way
        return Rejection(str(path), "E111", "symlink loop")
    except FileNotFoundError:
        return Rejection(str(path), "E112", "dangling symlink")
    except PermissionError as error:
        return Rejection(str(path), "E110", str(error))
    except OSError as error:
        if error.errno == errno.ELOOP:
            return Rejection(str(path), "E111", "symlink loop")
        return Rejection(str(path), "E110", str(error))
    return None


def _expand_path(path: Path, options: Options) -> Iterator[Found | Rejection]:
    problem = link_problem(path)
    if problem is not None:
        yield problem
    elif path.is_dir():
        yield from _walk(path, path, options, frozenset({os.path.realpath(path)}))
    elif path.is_file():
        yield (path, None)
    else:
        yield Rejection(str(path), "E113", "not a regular file")


def _walk(
    folder: Path, root: Path, options: Options, ancestors: frozenset[str]
) -> Iterator[Found | Rejection]:
    """Walk one folder in sorted order, skipping dot-names and never re-entering an ancestor."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield Rejection(str(folder), "E110", error.strerror or str(error))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        if entry.is_symlink():
            if not options.follow_symlinks:
                continue
            problem = link_problem(path)
            if problem is not None:
                yield problem
                continue
        try:
            is_dir = entry.is_dir()
            is_file = entry.is_file()
        except OSError as error:
            yield Rejection(str(path), "E110", error.strerror or str(error))
            continue
        if is_dir:
            real = os.path.realpath(path)
            if real in ancestors:
                yield Rejection(str(path), "E111", "folder link leads back into its own parent")
                continue
            yield from _walk(path, root, options, ancestors | {real})
        elif is_file:
            yield (path, root)
        else:
            yield Rejection(str(path), "E113", "not a regular file")
