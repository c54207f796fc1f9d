"""Files that are not news articles, told apart by name and by their first bytes.

A corpus folder often holds more than articles: the scripts that scraped it, crawler files saved
beside the pages, tables, PDFs, images, configuration and the project's own README and licence.
Read as plain text they would become articles ("User-agent: *"), so each is rejected with E113
and a detail saying what it looks like. Only the first bytes are looked at, never the whole file.
"""

from __future__ import annotations

import re

from storyline.read.decode import looks_binary
from storyline.read.textkinds import text_kind

NOT_AN_ARTICLE = ", not an article"

_LANGUAGES = {
    "Python": ".py .pyw .pyi .pyx",
    "JavaScript": ".js .mjs .cjs .jsx",
    "TypeScript": ".ts .tsx .mts .cts",
    "C": ".c .h",
    "C++": ".cc .cpp .cxx .hh .hpp .hxx",
    "C#": ".cs",
    "Java": ".java",
    "Kotlin": ".kt .kts",
    "Scala": ".scala",
    "Go": ".go",
    "Rust": ".rs",
    "Ruby": ".rb",
    "PHP": ".php",
    "Perl": ".pl .pm",
    "Swift": ".swift",
    "Objective-C or MATLAB": ".m .mm",
    "Lua": ".lua",
    "R": ".r",
    "Julia": ".jl",
    "Haskell": ".hs",
    "Elixir": ".ex .exs",
    "Erlang": ".erl",
    "Clojure": ".clj .cljs",
    "Dart": ".dart",
    "shell": ".sh .bash .zsh .fish .ksh",
    "PowerShell": ".ps1 .psm1",
    "Windows batch": ".bat .cmd",
    "SQL": ".sql",
    "CSS": ".css .scss .sass .less",
    "Vue": ".vue",
    "Svelte": ".svelte",
    "LaTeX": ".tex .sty .cls",
}
_OTHER_SUFFIXES = {
    "a Jupyter notebook": ".ipynb",
    "a CSV table": ".csv",
    "a TSV table": ".tsv .tab",
    "a spreadsheet": ".xls .xlsx .xlsm .ods .numbers",
    "a data file": ".parquet .feather .arrow .avro .orc .pkl .pickle .npy .npz .h5 .hdf5",
    "a database": ".db .sqlite .sqlite3",
    "a PDF document": ".pdf",
    "an office document": ".doc .docx .odt .rtf .ppt .pptx .odp .pages .key .epub",
    "an image": ".png .jpg .jpeg .gif .webp .bmp .tif .tiff .ico .svg .heic .avif .psd",
    "audio": ".mp3 .wav .ogg .oga .flac .aac .m4a .opus",
    "a video": ".mp4 .m4v .mov .avi .mkv .webm .wmv .flv",
    "a font": ".ttf .otf .woff .woff2 .eot",
    "an archive": ".zip .tar .tgz .tbz2 .txz .bz2 .xz .zst .7z .rar .jar .whl .egg",
    "a program": ".exe .dll .so .dylib .bin .o .a .class .pyc .wasm",
    "a configuration file": ".toml .yaml .yml .ini .cfg .conf .env .properties .plist",
    "a lock file": ".lock",
    "a log file": ".log",
    "a source map": ".map",
    "a patch": ".patch .diff",
}
SUFFIX_KINDS: dict[str, str] = {
    **{s: f"{language} source code" for language, names in _LANGUAGES.items()
       for s in names.split()},
    **{s: kind for kind, names in _OTHER_SUFFIXES.items() for s in names.split()},
}
"""Extension (after a `.gz` is looked through) -> what such a file is."""

_SITE_FILES = "robots.txt ads.txt app-ads.txt llms.txt sellers.json"
_CONTACT_FILES = "humans.txt security.txt"
_BUILD_FILES = {
    "makefile": "a Makefile, build rules",
    "gnumakefile": "a Makefile, build rules",
    "cmakelists.txt": "CMake build rules",
    "dockerfile": "a container build file",
    "containerfile": "a container build file",
    "jenkinsfile": "a CI pipeline file",
    "vagrantfile": "a Vagrant machine file",
    "rakefile": "Ruby build rules",
    "gemfile": "a Ruby dependency list",
    "pipfile": "a Python dependency list",
    "procfile": "a process list for deployment",
    "brewfile": "a Homebrew dependency list",
    "go.mod": "a Go module file",
    "go.sum": "Go module checksums",
    "manifest.in": "a Python packaging file",
    "package.json": "a JavaScript package file",
    "package-lock.json": "a lock file",
    "composer.json": "a PHP package file",
    "tsconfig.json": "a TypeScript configuration file",
}
NAME_KINDS: dict[str, str] = {
    **{name: f"{name}, a site file for crawlers" for name in _SITE_FILES.split()},
    **{name: f"{name}, a site's contact file" for name in _CONTACT_FILES.split()},
    **_BUILD_FILES,
}
"""Whole file name (lower case) -> what such a file is, wherever it is met."""

_REQUIREMENTS = re.compile(r"^requirements([-_.][\w.-]*)?\.(txt|in)$", re.IGNORECASE)

_PROJECT_DOCS_ANY_CASE = (
    "readme license licence copying changelog contributing code_of_conduct code-of-conduct"
)
_PROJECT_DOCS_CAPITALS = (
    "authors contributors changes history notice install todo security support maintainers "
    "codeowners citation funding governance releasing upgrading"
)
_CAPITALS = "|".join(w.upper() for w in (_PROJECT_DOCS_ANY_CASE + " " + _PROJECT_DOCS_CAPITALS)
                     .split())
_PROJECT_DOC = re.compile(
    rf"^(?i:{'|'.join(_PROJECT_DOCS_ANY_CASE.split())})(?:\..*)?$|^(?:{_CAPITALS})(?:[-_.].*)?$"
)
"""README, LICENSE-MIT, CHANGELOG.md, readme.txt, HISTORY.rst: the files a project keeps about
itself. A name counts when it is the word itself (any case, any extension) or the word in the
capitals projects write it in, with a tail (LICENSE-MIT); words that could as well name an
article (history, notice, support) count only in capitals."""


def refuse_by_name(name: str, walked: bool) -> str | None:
    """Why a file with this name is not an article, or None. `walked` is True when the file was
    found by walking a folder: only then are a project's own files (README, LICENSE) skipped; a
    user who names one on the command line gets it read."""
    lower = name.lower()
    base = lower[:-3] if lower.endswith(".gz") else lower
    kind = NAME_KINDS.get(base)
    if kind is None and _REQUIREMENTS.match(base):
        kind = "a Python dependency list"
    if kind is None and "." in base:
        kind = SUFFIX_KINDS.get(base[base.rindex(".") :])
    if kind is None and walked and _PROJECT_DOC.match(name):
        return ("project documentation like README, LICENSE or CHANGELOG"
                f"{NOT_AN_ARTICLE}; name the file itself to read it anyway")
    return kind + NOT_AN_ARTICLE if kind else None


_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\x28\xb5\x2f\xfd", "a Zstandard archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PAR1", "a Parquet table"),
    (b"OggS", "Ogg audio or video"),
    (b"fLaC", "FLAC audio"),
    (b"\x7fELF", "an ELF program"),
    (b"\x00asm", "a WebAssembly program"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)
_WEAK_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"MZ", "a Windows program"),
    (b"BZh", "a bzip2 archive"),
    (b"ID3", "MP3 audio"),
)
"""Short signatures that prose could start with: they count only when binary bytes follow."""
_ZIP_CONTENTS = (
    (b"word/", "a Word document"),
    (b"xl/", "an Excel spreadsheet"),
    (b"ppt/", "a PowerPoint presentation"),
    (b"application/vnd.oasis.opendocument", "an OpenDocument file"),
    (b"application/epub+zip", "an EPUB book"),
)
_SITEMAP_ROOT = re.compile(
    r"^\s*(?:<\?[^>]*>\s*|<!--.*?-->\s*)*<(?:urlset|sitemapindex)[\s>]", re.DOTALL
)


def binary_kind(head: bytes) -> str | None:
    """What a file is from its signature bytes (PDF, image, archive, office document), if known."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith(b"PK\x03\x04"):
        for marker, kind in _ZIP_CONTENTS:
            if marker in head[:2048]:
                return kind
        return "a ZIP archive"
    if head[4:8] == b"ftyp":
        return "an MP4, QuickTime or HEIF video or image"
    if head.startswith(b"RIFF") and head[8:12] in (b"WAVE", b"AVI ", b"WEBP"):
        return {b"WAVE": "WAV audio", b"AVI ": "an AVI video", b"WEBP": "a WebP image"}[head[8:12]]
    if head[257:262] == b"ustar":
        return "a tar archive"
    if looks_binary(head[:512]):
        for magic, kind in _WEAK_MAGIC:
            if head.startswith(magic):
                return kind
    return None


def refuse_by_content(kind: str, head: bytes, text: str) -> str | None:
    """Why content the format sniffer could not place (`kind` "unknown"), or XML that is a
    sitemap, is not an article; None when it may be one. HTML, feeds and JSON are read."""
    found: str | None = None
    if kind == "feed" and _SITEMAP_ROOT.match(text):
        found = "a sitemap, a list of page addresses"
    elif kind == "unknown":
        found = binary_kind(head) or text_kind(text)
    return found + NOT_AN_ARTICLE if found else None
