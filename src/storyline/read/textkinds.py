"""Text that is not prose: source code, crawler rules and tables, told from the first lines.

Used only for files whose name says nothing (no extension or an unknown one), so that a script
or a `robots.txt` saved under another name is not taken for an article. Each test is built so
that news prose fails it: it asks for many lines of a shape articles do not have.
"""

from __future__ import annotations

import re
from collections import Counter
from statistics import median

SAMPLE_LINES = 80
"""Lines of the file's start looked at; the head is a few kilobytes anyway."""
MIN_CODE_SHARE = 0.3
MIN_STRONG_LINES = 3
"""Lines only code has (`def f():`, `#include <x>`, `import x;`): three settle it."""
MIN_TABLE_LINES = 3
MAX_TABLE_FIELD = 40
"""Table cells are short; a paragraph cut at its commas is not."""

_STRONG: tuple[tuple[str, str], ...] = (
    ("Python", r"from\s+[\w.]+\s+import\s|import\s+[\w.]+(?:\s+as\s+\w+)?\s*$"
               r"|(?:async\s+)?def\s+\w+\s*\(.*\)\s*(?:->.*)?:\s*$"
               r"|class\s+\w+(?:\(.*\))?\s*:\s*$|if\s+__name__\s*==|__\w+__\s*=\s*\S"
               r"|(?:try|finally|else):\s*$|except\b.*:\s*$|elif\s.+:\s*$"),
    ("C or C++", r"#\s*(?:include\s*[<\"]|define\s+\w|ifn?def\s+\w|endif\b|pragma\s)"
                 r"|(?:typedef\s+)?(?:struct|union|enum)\s+\w+\s*\{\s*$|typedef\s"
                 r"|(?:(?:static|extern|inline|const)\s+)*(?:void|int|char|long|double|float"
                 r"|unsigned|size_t|bool)\b[\s*]+\w+\s*\("),
    ("Java", r"package\s+[\w.]+;|import\s+(?:static\s+)?[\w.*]+;"
             r"|(?:public|private|protected)\s+(?:(?:static|final|abstract)\s+)*"
             r"[\w<>\[\]]+\s+\w+\s*[({=;]"
             r"|(?:(?:public|abstract|final)\s+)*(?:class|interface|enum)\s+[A-Z]\w*.*\{\s*$"),
    ("JavaScript", r"(?:export\s+)?(?:const|let|var)\s+[\w{}\[\], ]+\s*="
                   r"|(?:export\s+)?(?:async\s+)?function\s*\w*\s*\("
                   r"|import\s+.+\s+from\s+['\"]|module\.exports\b|.*\brequire\(['\"]"),
    ("Go", r"package\s+\w+\s*$|func\s+(?:\(.*\)\s*)?\w+\s*\(|import\s+\(\s*$"),
    ("Rust", r"(?:pub\s+)?fn\s+\w+\s*[(<]|use\s+[\w:]+(?:::\{[\w, ]+\})?;"
             r"|pub\s+(?:struct|enum|trait|mod)\s+\w+|impl(?:<.*>)?\s+\w+.*\{\s*$"),
    ("Ruby", r"require(?:_relative)?\s+['\"]|module\s+[A-Z]\w*\s*$"),
    ("PHP", r"<\?php"),
    ("shell", r"set\s+-[euxo]+\b|(?:fi|done|esac|then)\s*$|(?:el)?if\s+\[|for\s+\w+\s+in\s.*;"
              r"|export\s+[A-Z_]+=|echo\s+[\"$]"),
    ("SQL", r"SELECT\s.+\sFROM\s|CREATE\s+(?:TABLE|INDEX|VIEW)\s|INSERT\s+INTO\s|DROP\s+TABLE\s"),
)
_STRONG_LINES = tuple((language, re.compile(rf"^(?:{pattern})")) for language, pattern in _STRONG)
_WEAK_LINE = re.compile(
    r"(?:[{};:(\[]|\)\s*;?|\*/)\s*$|^(?://|/\*|\*\s|\"\"\"|\'\'\'|@[\w.]+(?:\(.*\))?\s*$)"
    r"|^[\w.\[\]]+\s*(?::\s*[\w.\[\], |]+)?\s*[-+*/|]?=\s*\S|^[\"'][^\"']*[\"'],\s*$"
)
"""A line shaped the way code lines are (ending in a bracket or `;`, an assignment, a list
item, a comment or docstring opener), which prose lines seldom are."""
_LINE_COMMENT = re.compile(r"^#(?!include|define|if|endif|pragma|!)")
"""`#` comments (and Markdown headings) say nothing either way: they are not counted."""
_SHEBANG = re.compile(r"^#!\s*(\S+)(?:\s+(\S+))?")
_INTERPRETERS = {
    "python": "Python", "sh": "shell", "bash": "shell", "zsh": "shell", "dash": "shell",
    "ksh": "shell", "fish": "shell", "node": "JavaScript", "deno": "JavaScript", "perl": "Perl",
    "ruby": "Ruby", "php": "PHP", "lua": "Lua", "rscript": "R",
}
_ROBOTS_LINE = re.compile(
    r"^(?:user-agent|disallow|allow|sitemap|crawl-delay|host|noindex|clean-param|request-rate)"
    r"\s*:", re.IGNORECASE
)
_NUMBER = re.compile(r"^[-+]?(?:0x[0-9a-fA-F]+|\d[\d.,:/eE+-]*)%?$")
MIN_NUMBER_ROWS = 8
_TABLE_KINDS = {",": "a CSV table", "\t": "a TSV table", ";": "a table of ;-separated columns"}


def text_kind(text: str) -> str | None:
    """What the start of a text is when it is not prose: a script, source code, crawler rules
    or a table; None when it may be an article."""
    lines = [line.strip() for line in text.split("\n")[:SAMPLE_LINES]]
    lines = [line for line in lines if line]
    if not lines:
        return None
    return _script(lines[0]) or _robots(lines) or _code(lines) or _table(lines)


def _script(first: str) -> str | None:
    match = _SHEBANG.match(first)
    if match is None:
        return None
    program = match.group(1).rsplit("/", 1)[-1]
    if program == "env" and match.group(2):
        program = match.group(2)
    name = re.sub(r"[\d.]+$", "", program.lower())
    language = _INTERPRETERS.get(name)
    return f"a {language} script" if language else f"a script for {program}"


def _robots(lines: list[str]) -> str | None:
    rules = [line for line in lines if not line.startswith("#")]
    directives = sum(1 for line in rules if _ROBOTS_LINE.match(line))
    if len(rules) >= 2 and _ROBOTS_LINE.match(rules[0]) and directives >= 0.8 * len(rules):
        return "crawler rules in robots.txt form"
    return None


def _code(lines: list[str]) -> str | None:
    languages: Counter[str] = Counter()
    weak = 0
    lines = [line for line in lines if not _LINE_COMMENT.match(line)]
    for line in lines:
        language = next((name for name, rule in _STRONG_LINES if rule.match(line)), None)
        if language is not None:
            languages[language] += 1
        elif _WEAK_LINE.search(line):
            weak += 1
    strong = sum(languages.values())
    if strong >= MIN_STRONG_LINES or (
        strong >= 2 and strong + weak >= MIN_CODE_SHARE * len(lines)
    ):
        return f"{languages.most_common(1)[0][0]} source code"
    if strong >= 1 and len(lines) >= 3 and strong + weak >= 2 * MIN_CODE_SHARE * len(lines):
        return "source code"
    return None


def _table(lines: list[str]) -> str | None:
    if len(lines) > MIN_TABLE_LINES:
        lines = lines[:-1]  # the head may cut the last line short
    if len(lines) < MIN_TABLE_LINES:
        return None
    for delimiter, kind in _TABLE_KINDS.items():
        rows = _even_rows([_split_row(line, delimiter) for line in lines])
        if rows is None:
            continue
        columns = len(rows[0])
        cells = [cell for row in rows for cell in row]
        if columns >= (2 if delimiter == "\t" else 3):
            if median(len(cell) for cell in cells) <= MAX_TABLE_FIELD:
                return kind
        elif columns >= 2 and _numbers(cells, len(rows)):
            return kind
    rows = _even_rows([line.split() for line in lines])
    if rows is not None and len(rows[0]) >= 2 and _numbers([c for r in rows for c in r], len(rows)):
        return "a table of numbers"
    return None


def _even_rows(rows: list[list[str]]) -> list[list[str]] | None:
    """The rows of the most common width, when at least 80% of them have it."""
    widths = Counter(len(row) for row in rows)
    columns, count = widths.most_common(1)[0]
    if count < 0.8 * len(rows):
        return None
    return [row for row in rows if len(row) == columns]


def _numbers(cells: list[str], rows: int) -> bool:
    """Mostly numbers over enough rows: a narrow table, where prose would be words."""
    numeric = sum(1 for cell in cells if _NUMBER.match(cell))
    return rows >= MIN_NUMBER_ROWS and numeric >= 0.5 * len(cells)


def _split_row(line: str, delimiter: str) -> list[str]:
    """Cells of one delimited line; a delimiter inside double quotes does not split."""
    cells, current, quoted = [], [], False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            cells.append("".join(current).strip())
            current = []
            continue
        current.append(char)
    cells.append("".join(current).strip())
    return cells
