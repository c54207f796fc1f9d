"""Input expansion and the bad-input suite: each bad input is one coded Rejection, nothing more."""

from __future__ import annotations

import builtins
import codecs
import gzip
import os
import shutil
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from storyline.errors import Rejection
from storyline.model import Document
from storyline.options import Options
from storyline.read import expand_inputs, iter_documents, read_path

FIXTURES = Path(__file__).parent / "fixtures" / "read"
OPTIONS = Options()
GOOD_TEXT = b"An ordinary article body that any reader can decode.\n"


def _is(file: Any, path: Path) -> bool:
    return isinstance(file, str | os.PathLike) and Path(file) == path


def rejections(items: list[Document | Rejection]) -> list[tuple[str, str]]:
    return [(i.source, i.reason) for i in items if isinstance(i, Rejection)]


def ids(items: list[Document | Rejection]) -> list[str]:
    return [i.id for i in items if isinstance(i, Document)]


def test_folders_are_walked_in_sorted_order_skipping_hidden_names() -> None:
    root = FIXTURES / "corpus"
    found = list(expand_inputs([str(root)], OPTIONS))
    assert found == [
        (root / "BBC_World" / "flood-warning.md", root),
        (root / "damascus-herald" / "market-fire.html", root),
        (root / "damascus-herald" / "quake-relief.txt", root),
        (root / "overview.txt", root),
    ]


def test_inputs_keep_their_order_and_globs_are_sorted() -> None:
    glob = str(FIXTURES / "*.json*")
    items = list(iter_documents([str(FIXTURES / "news.atom"), glob]))
    assert ids(items) == [
        "avalanche-risk-level-four",
        "dam-inspection",
        "records-2",  # records.json
        "ports-reopen",
        "grain-deal",
        "records-4",  # records.jsonl
        "bridge-closure",  # single.json
    ]


def test_recursive_glob_finds_files_in_subfolders_without_outlet_root() -> None:
    found = list(expand_inputs([str(FIXTURES / "corpus" / "**" / "*.txt")], OPTIONS))
    assert found == [
        (FIXTURES / "corpus" / "damascus-herald" / "quake-relief.txt", None),
        (FIXTURES / "corpus" / "overview.txt", None),
    ]


def test_read_path_on_a_folder_walks_it_with_outlets() -> None:
    docs = [d for d in read_path(FIXTURES / "corpus", OPTIONS) if isinstance(d, Document)]
    assert [(d.id, d.outlet or d.extra.get("folder_outlet")) for d in docs] == [
        ("flood-warning", "BBC World"),
        ("market-fire", "Damascus Herald"),
        ("quake-relief", "Damascus Herald"),
        ("overview", None),
    ]


def test_reading_twice_gives_identical_output() -> None:
    inputs = [str(FIXTURES), str(FIXTURES / "corpus" / "*")]
    assert list(iter_documents(inputs)) == list(iter_documents(inputs))


def test_empty_file_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_bytes(b"  \r\n\n\t")
    (tmp_path / "nothing.txt.gz").write_bytes(gzip.compress(b""))
    items = list(iter_documents([str(tmp_path)]))
    assert [r for _, r in rejections(items)] == ["E101", "E101", "E101"]
    assert ids(items) == []


def test_front_matter_without_body_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "meta-only.md"
    path.write_text("---\ntitle: Nothing below\n---\n\n")
    assert rejections(list(read_path(path, OPTIONS))) == [(str(path), "E101")]


def test_binary_file_with_text_extension_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert rejections(list(read_path(path, OPTIONS))) == [(str(path), "E102")]


def test_undecodable_bytes_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "half a surrogate".encode("utf-16-le") + b"\x3d\xd8")
    assert rejections(list(read_path(path, OPTIONS))) == [(str(path), "E103")]


def test_oversize_file_is_rejected_by_size_without_being_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(GOOD_TEXT * 100)  # 5.4 kB
    real_open = builtins.open

    def refusing_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        assert not _is(file, path), "an oversize file must not be opened"
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing_open)
    options = Options(max_file_mb=4096 / 1024 / 1024)
    items = list(read_path(path, options))
    assert rejections(items) == [(str(path), "E104")]
    assert "4096" in items[0].detail  # type: ignore[union-attr]


def test_gzip_bomb_stops_at_the_expansion_cap_while_streaming(tmp_path: Path) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb") as out:
        chunk = b" " * (1 << 20)
        for _ in range(48):  # 48 MB of spaces, about 50 kB compressed
            out.write(chunk)
    options = Options(max_expanded_mb=2)
    tracemalloc.start()
    try:
        items = list(read_path(path, options))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert rejections(items) == [(str(path), "E109")]
    assert peak < 8 * (1 << 20), f"peak {peak} bytes: the expansion was held in memory"


def test_text_gzip_past_the_cap_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "long.txt.gz"
    path.write_bytes(gzip.compress(GOOD_TEXT * 40_000))  # 2.1 MB expanded
    items = list(read_path(path, Options(max_expanded_mb=1)))
    assert rejections(items) == [(str(path), "E109")]


def test_permission_denied_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_bytes(GOOD_TEXT)
    (tmp_path / "open.txt").write_bytes(GOOD_TEXT)
    real_open = builtins.open

    def denying_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if _is(file, locked):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", denying_open)
    items = list(iter_documents([str(tmp_path)]))
    assert rejections(items) == [(str(locked), "E110")]
    assert ids(items) == ["open"]


def test_symlink_loop_is_rejected(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.symlink_to(second)
    second.symlink_to(first)
    assert rejections(list(iter_documents([str(first)]))) == [(str(first), "E111")]
    assert rejections(list(read_path(first, OPTIONS))) == [(str(first), "E111")]


def test_folder_link_back_to_an_ancestor_is_not_walked(tmp_path: Path) -> None:
    outlet = tmp_path / "corpus" / "river-post"
    outlet.mkdir(parents=True)
    (outlet / "story.txt").write_bytes(GOOD_TEXT)
    (outlet / "loop").symlink_to(tmp_path / "corpus", target_is_directory=True)
    items = list(iter_documents([str(tmp_path / "corpus")]))
    assert ids(items) == ["story"]  # read once, not once per trip around the loop
    assert rejections(items) == [(str(outlet / "loop"), "E111")]


def test_links_are_skipped_when_not_followed(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_bytes(GOOD_TEXT)
    (tmp_path / "alias.txt").symlink_to(tmp_path / "real.txt")
    assert ids(list(iter_documents([str(tmp_path)]))) == ["alias", "real"]
    options = Options(follow_symlinks=False)
    assert ids(list(iter_documents([str(tmp_path)], options))) == ["real"]


def test_missing_path_and_empty_glob_are_rejected(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.txt")
    empty_glob = str(tmp_path / "*.jsonl")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    items = list(iter_documents([missing, empty_glob, str(tmp_path / "dangling.txt")]))
    assert rejections(items) == [
        (missing, "E112"),
        (empty_glob, "E112"),
        (str(tmp_path / "dangling.txt"), "E112"),
    ]


def test_unknown_extension_with_binary_content_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "clip.mp4"
    path.write_bytes(b"\x00\x00\x00\x18ftypmp42" + os.urandom(512))
    assert rejections(list(read_path(path, OPTIONS))) == [(str(path), "E113")]


def test_folder_mixing_good_and_bad_files_yields_every_good_document(tmp_path: Path) -> None:
    root = tmp_path / "mixed"
    shutil.copytree(FIXTURES / "corpus", root)
    for name in ("records.jsonl", "news.rss", "news.atom", "single.json", "front_matter.md"):
        shutil.copy(FIXTURES / name, root / name)
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (root / "broken.json").write_text("{ nope")
    (root / "clip.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(64))
    (root / "bomb.txt.gz").write_bytes(gzip.compress(b"x" * 3_000_000))
    (root / "loop.txt").symlink_to(root / "loop.txt")
    (root / "wire.jsonl").write_text('{"id": "w1", "text": "Kept."}\n{broken\n{"id": "w2"}\n')
    items = list(iter_documents([str(root)], Options(max_expanded_mb=1)))
    assert sorted(ids(items)) == sorted(
        [
            "flood-warning",
            "market-fire",
            "quake-relief",
            "overview",
            "ports-reopen",
            "grain-deal",
            "records-4",
            "storm-closes-ferry-routes",
            "harbour-wall",
            "avalanche-risk-level-four",
            "bridge-closure",
            "front_matter",
            "w1",
        ]
    )
    assert sorted(reason for _, reason in rejections(items)) == [
        "E101",
        "E102",
        "E105",
        "E105",
        "E106",
        "E109",
        "E111",
        "E113",
    ]
