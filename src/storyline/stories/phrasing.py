"""Words of a title: verbs that agree with their subject, neutral names, dates a reader reads.

A title states a happening in the project's voice, not in an outlet's: it names actors by their
normalized names and refuses words from the framing lexicon, so "heroic soldiers" or "the
regime" never reach a headline line that claims to summarize every outlet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.framing import load_lexicon

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

PRONOUNS = frozenset({
    "i", "me", "my", "we", "us", "our", "ours", "you", "your", "he", "him", "his", "she", "her",
    "it", "its", "they", "them", "their", "this", "that", "these", "those", "who", "which",
    "someone", "everyone", "one", "both", "all", "each", "others",
})
NEUTRAL_IN_TITLES = frozenset({
    "government", "government forces", "authorities", "de-escalation", "calm", "partners",
    "claimed", "alleged", "victim", "legitimate", "lawful", "reconciliation",
})
"""Lexicon terms that are also the ordinary neutral word ("Syrian government", "the Idlib
de-escalation zone"); every other lexicon term keeps a line out of a title."""
NEWS_AGENCIES = frozenset({
    "reuters", "associated press", "ap", "afp", "agence france-presse", "tass", "ria novosti",
    "anadolu", "anadolu agency", "sana", "xinhua", "interfax", "ukrinform", "irna", "bbc", "cnn",
    "al jazeera", "efe", "dpa", "ansa", "kyodo", "yonhap", "bloomberg",
})

# (plural, third person singular)
VERBS: dict[str, tuple[str, str]] = {
    "AGREE": ("agree", "agrees"), "CONSULT": ("meet", "meets"), "SUPPORT": ("back", "backs"),
    "CONCEDE": ("agree", "agrees"), "COOPERATE": ("cooperate", "cooperates"),
    "AID": ("send aid to", "sends aid to"), "RETREAT": ("withdraw from", "withdraws from"),
    "REQUEST": ("call for", "calls for"), "ACCUSE": ("accuse", "accuses"),
    "REJECT": ("reject", "rejects"), "THREATEN": ("threaten", "threatens"),
    "PROTEST": ("protest", "protests"), "SANCTION": ("sanction", "sanctions"),
    "MOBILIZE": ("mobilize", "mobilizes"), "COERCE": ("pressure", "pressures"),
    "ASSAULT": ("attack", "attacks"),
}
SENTENCE_VERBS: dict[str, dict[str, tuple[str, str]]] = {
    "REJECT": {"veto": ("veto", "vetoes"), "block": ("block", "blocks")},
    "SANCTION": {"suspend": ("suspend", "suspends")},
    "RETREAT": {"pull": ("pull out of", "pulls out of"), "quit": ("quit", "quits")},
    "AGREE": {"resum": ("resume", "resumes"), "return": ("return to", "returns to"),
              "sign": ("sign", "signs"), "reopen": ("agree to reopen", "agrees to reopen")},
    "SUPPORT": {"sign": ("sign", "signs"), "welcom": ("welcome", "welcomes")},
    "CONCEDE": {"open": ("agree to open", "agrees to open"),
                "reopen": ("agree to reopen", "agrees to reopen")},
    "ASSAULT": {"strik": ("strike", "strikes"), "shell": ("shell", "shells")},
    "CONSULT": {"talks": ("hold talks", "holds talks")},
}
"""A verb the sentences themselves use, when it is plainer than the type's default: Russia
"vetoes" a resolution rather than "rejects" it. Keys are stems matched at a word start."""
AGREE_TO = frozenset({"ceasefire", "truce", "deal", "swap", "exchange", "plan", "pact",
                      "accord", "extension", "reopening", "corridor"})


def day_text(date: str | None) -> str:
    """"2020-03-05" -> "5 March 2020"; "2020-03" -> "March 2020"; "2020" stays."""
    if not date:
        return ""
    parts = date.split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {int(parts[0])}"
        if len(parts) == 2:
            return f"{MONTHS[int(parts[1]) - 1]} {int(parts[0])}"
        return str(int(parts[0]))
    except (ValueError, IndexError):
        return ""


def years_text(start: str | None, end: str | None) -> str:
    """"2018–2020" with an en dash, or one year when both ends fall in it."""
    first, last = (start or "")[:4], (end or "")[:4]
    if not first:
        return last
    return first if not last or last == first else f"{first}\u2013{last}"


def join_names(names: Sequence[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    names = list(names)
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


_REFUSE = re.compile(r"\b(?:refus\w*|declin\w*) to (extend|renew|sign|join|allow)\b")


def sentence_verb(kind: str, plural: bool, sentences: Sequence[str]) -> str | None:
    """A plainer verb the sentences use for this type, the one they use first."""
    text = " ".join(sentences).lower()
    if kind == "REJECT" and (m := _REFUSE.search(text)):
        return f"refuse to {m.group(1)}" if plural else f"refuses to {m.group(1)}"
    hits = []
    for stem, forms in SENTENCE_VERBS.get(kind, {}).items():
        if match := re.search(rf"\b{stem}", text):
            hits.append((match.start(), forms))
    if not hits:
        return None
    forms = min(hits)[1]
    return forms[0] if plural else forms[1]


def verb_for(kind: str, plural: bool, sentences: Sequence[str] = ()) -> str:
    """The type's verb in the form its subject takes, or a plainer one the sentences use."""
    found = sentence_verb(kind, plural, sentences) if sentences else None
    if found:
        return found
    forms = VERBS.get(kind, (kind.lower(), kind.lower() + "s"))
    return forms[0] if plural else forms[1]


_PLURAL_NOUNS = re.compile(r"\b(?:forces|troops|units|rebels|militants|police|protesters|"
                           r"fighters|soldiers|officials|leaders|ministers)$", re.IGNORECASE)


def takes_plural(names: Sequence[str]) -> bool:
    """"Russia and Turkey agree", "Turkish armed forces attack", "United Nations agrees"."""
    return len(names) > 1 or bool(names and _PLURAL_NOUNS.search(names[0]))


def loaded_terms(text: str) -> list[str]:
    """Lexicon terms in the text that a neutral title must not carry."""
    return [term for term, _ in load_lexicon().find(text) if term not in NEUTRAL_IN_TITLES]


def is_pronoun(text: str) -> bool:
    words = re.findall(r"[^\W\d_]+", text.lower())
    return bool(words) and all(w in PRONOUNS for w in words)


def outlet_like(name: str, outlets: Sequence[str] = ()) -> bool:
    """An outlet (of this corpus, or a news agency) is who reports, never who acts."""
    key = " ".join(name.casefold().split())
    return key in NEWS_AGENCIES or any(key == " ".join(o.casefold().split()) for o in outlets)


def capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
