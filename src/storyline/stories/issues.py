"""Issue noun phrases: what a happening is about ("ceasefire", "Black Sea grain deal").

A title says what two sides agreed *to*, and a storyline is named for the issue its stories
keep returning to. The phrase is a head noun from a short list of things states negotiate,
sign, open or break, with the modifiers just before it ("grain", "prisoner", "Bab al-Hawa aid").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from storyline.stories.features import STOPWORDS

HEADS = frozenset({
    "ceasefire", "cease-fire", "truce", "deal", "agreement", "accord", "pact", "treaty",
    "memorandum", "initiative", "corridor", "zone", "crossing", "exchange", "swap", "patrol",
    "talks", "summit", "sanctions", "resolution", "mechanism", "embargo", "blockade", "protocol",
    "plan", "election", "referendum", "evacuation", "negotiations", "roadmap", "armistice",
})
STANDALONE = frozenset({"ceasefire", "cease-fire", "truce", "sanctions", "embargo", "blockade",
                        "referendum", "election", "evacuation", "armistice"})
"""Heads that name an issue alone; "deal" or "zone" alone could be any deal or zone."""
_PLURAL_HEADS = {"ceasefires": "ceasefire", "truces": "truce", "deals": "deal",
                 "agreements": "agreement", "accords": "accord", "pacts": "pact",
                 "treaties": "treaty", "memoranda": "memorandum", "memorandums": "memorandum",
                 "corridors": "corridor", "zones": "zone", "crossings": "crossing",
                 "exchanges": "exchange", "swaps": "swap", "patrols": "patrol",
                 "summits": "summit", "resolutions": "resolution", "mechanisms": "mechanism",
                 "embargoes": "embargo", "blockades": "blockade", "protocols": "protocol",
                 "plans": "plan", "elections": "election", "referendums": "referendum",
                 "evacuations": "evacuation", "sanction": "sanctions", "talk": "talks",
                 "negotiation": "negotiations"}
_NOT_MODIFIERS = STOPWORDS | frozenset({
    "new", "first", "second", "third", "last", "separate", "same", "historic", "fragile",
    "lasting", "competing", "rival", "parallel", "original", "own", "main", "full", "such",
    "other", "previous", "current", "latest", "proposed", "possible", "broader", "wider",
    "whole", "entire", "existing", "planned", "eventual", "draft", "year-old", "landmark",
    "key", "major", "crucial", "vital", "important", "rare", "brief", "long", "short", "said",
    "will", "would", "under", "since", "signed", "agreed", "reached", "two", "three", "four",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "week", "month", "year", "time",
    # verbs that stand before their object: "sign deals", "reopen crossing"
    "sign", "signs", "open", "opens", "reopen", "reopens", "reach", "reaches", "agree", "agrees",
    "create", "creates", "extend", "extends", "renew", "renews", "quit", "quits", "join",
    "joins", "rejoin", "suspend", "suspends", "resume", "resumes", "break", "breaks", "broke",
    "violate", "violates", "hold", "holds", "held", "announce", "announces", "approve",
    "approves", "back", "backs", "reject", "rejects", "block", "blocks", "veto", "vetoes", "end",
    "ends", "keep", "keeps", "leave", "leaves", "set", "sets", "make", "makes", "strike",
    "strikes", "struck", "seal", "seals", "broker", "brokers", "restore", "restores", "restart",
    "restarts", "implement", "support", "supports", "monitor", "enforce", "accept", "accepts",
    "protect", "protects", "save", "saves", "kill", "kills", "expand", "expands",
})
_NATIONALITY = re.compile(r"(?:ian|ish|ese|ean)(?:-[^\W\d_]+(?:ian|ish|ese|ean))*$",
                          re.IGNORECASE)
ING_NOUNS = frozenset({"fishing", "shipping", "mining", "farming", "banking", "trading",
                       "housing", "building", "funding", "spending", "lending", "drilling"})
"""Words in -ing that name a trade ("fishing quota deal"), not an act ("signing")."""
_TOKEN = re.compile(r"[^\W\d_][\w'\u2019.-]*[^\W_]|[^\W\d_]|\d[\d,.]*|[^\w\s]")
MAX_MODIFIERS = 4


@dataclass(frozen=True)
class Issue:
    text: str
    """As a title writes it ("Black Sea grain deal")."""
    key: str
    """Lower case, head in the singular: the same issue however it was inflected."""
    head: str

    @property
    def standalone(self) -> bool:
        return " " in self.text or self.head in STANDALONE


def _modifier_ok(word: str, sentence_start: bool) -> bool:
    low = word.lower().replace("\u2019", "'")
    if low in _NOT_MODIFIERS or low.endswith(("'s", "'")) or not re.match(r"^[^\W\d_]", word):
        return False
    if re.search(r"-(brokered|backed|led|old|sponsored|mediated)$", low):
        return False
    if low.endswith("ing") and low not in ING_NOUNS:
        return False
    if low.endswith("ed") and not low.endswith(("ised", "ized")):
        return False
    return True


def _nationality(word: str) -> bool:
    """"Russian", "Turkish-Russian": whose patrol, not what patrol."""
    return word[0].isupper() and bool(_NATIONALITY.search(word))


def issues_in(text: str) -> list[Issue]:
    """Every issue phrase in the text, in order."""
    tokens = _TOKEN.findall(text)
    found: list[Issue] = []
    for i, token in enumerate(tokens):
        low = token.lower()
        head = _PLURAL_HEADS.get(low, low)
        if head not in HEADS:
            continue
        nxt = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
        if _PLURAL_HEADS.get(nxt, nxt) in HEADS:
            continue  # "ceasefire agreement": the later head takes this one as a modifier
        start, kept = i, [token]
        while start > 0 and len(kept) <= MAX_MODIFIERS:
            word = tokens[start - 1]
            at_start = start - 1 == 0 or tokens[start - 2] in ".!?\u2013\u2014"
            if _nationality(word) and not at_start:
                start -= 1
                continue
            if not _modifier_ok(word, at_start):
                break
            start -= 1
            kept.insert(0, word)
        words = kept
        if not (len(words) > 1 and all(w[0].isupper() for w in words)):  # not a name
            words[-1] = words[-1].lower()
            first_at_start = start == 0 or tokens[start - 1] in ".!?\u2013\u2014"
            if first_at_start and (len(words) == 1 or not words[1][0].isupper()):
                words[0] = words[0].lower()
        phrase = " ".join(words)
        key = " ".join([w.lower() for w in words[:-1]] + [head])
        found.append(Issue(phrase, key, head))
    return found


def issue_counts(texts_by_group: Iterable[tuple[str, str]]) -> tuple[Counter[str], dict[str, str]]:
    """How many groups (stories, outlets) name each issue key, counting a longer phrase for its
    shorter tails too ("Black Sea grain deal" also counts for "grain deal"), and the most
    common way each key is written."""
    groups: dict[str, set[str]] = {}
    spellings: dict[str, Counter[str]] = {}
    for group, text in texts_by_group:
        for issue in issues_in(text):
            words, keys = issue.text.split(), issue.key.split()
            for k in range(len(words)):
                tail_key = " ".join(keys[k:])
                tail = Issue(" ".join(words[k:]), tail_key, issue.head)
                if not tail.standalone:
                    continue
                groups.setdefault(tail_key, set()).add(group)
                spellings.setdefault(tail_key, Counter())[tail.text] += 1
    counts = Counter({key: len(g) for key, g in groups.items()})
    written = {key: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
               for key, c in spellings.items()}
    return counts, written
