"""Exact and near copies among articles, and who copied whom.

Exact copies share the hash of their normalized text. Near copies are found with MinHash LSH over
word shingles and then confirmed on the real shingle sets, so an LSH collision alone never links
two articles.

Similarity is *containment*: the share of the shorter article's shingles found in the longer one.
It is never below Jaccard, and unlike Jaccard it stays high for a truncated copy or one wrapped in
a new outlet's header and footer. A pair is a copy when containment >= `near_duplicate_threshold`
and the shorter text has at least half as many shingles as the longer one (so a short fact box
repeated inside many articles does not chain them together). Independent write-ups of one event
share almost no 5-word sequences, so they stay apart.

LSH only proposes candidates. Its banding (from datasketch's optimiser) targets the Jaccard a copy
at the threshold still has when it is half as long as its original, weighted towards recall.

Every member of a copy group links to the group's root: the earliest published member, else the
first seen; ties go to `order`, then id. Groups come from union-find over confirmed pairs, so a
copy of a copy points to the root.
"""

from __future__ import annotations

import hashlib
import operator
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import datasketch.minhash as datasketch_minhash
import numpy as np
import xxhash
from datasketch import MinHash, MinHashLSH

from storyline.model import Article
from storyline.options import Options

MINHASH_SEED = 1
"""Seed of the MinHash permutations: fixed so signatures are comparable across runs."""
MIN_COPY_LENGTH_RATIO = 0.5
"""A copy has at least this share of its original's shingles (and vice versa): LSH is tuned to
find copies this short, and shorter overlaps are quotes or shared fact boxes, not copies."""
LSH_WEIGHTS = (0.3, 0.7)
"""False-positive vs false-negative weight: candidates are cheap to reject, misses are lost."""
ESTIMATE_FLOOR_SHARE = 0.5
"""Candidates whose MinHash Jaccard estimate is below this share of the LSH target are dropped
before the exact check; at 128 permutations that is ~4 standard errors below the target."""

_NON_WORD = re.compile(r"[\W_]+")
_POSITION_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
_EMPTY = np.zeros(0, dtype=np.uint64)
_WORD_HASH = np.dtype("<u8")


@dataclass(frozen=True)
class DuplicateLink:
    """`id` is a copy of `original` (the root of its group)."""

    id: str
    original: str
    kind: str
    """"exact" (same normalized text) or "near"."""
    similarity: float
    """Containment of the shorter text's shingles in the longer one; 1.0 for exact copies."""


class _Memo(dict[str, Any]):
    """A pure function's memo that fills itself on a miss, so lookups of known keys run at C
    speed through `map(memo.__getitem__, ...)`; news vocabulary repeats, so most are known.
    Results never vary, so the memo cannot change an output; it is emptied when it gets big."""

    def __init__(self, compute: Callable[[str], Any], limit: int = 1_000_000) -> None:
        super().__init__()
        self._compute = compute
        self._limit = limit

    def __missing__(self, key: str) -> Any:
        value = self[key] = self._compute(key)
        return value

    def bounded(self) -> _Memo:
        if len(self) > self._limit:
            self.clear()
        return self


def _piece(piece: str) -> tuple[str, bytes]:
    words = _NON_WORD.sub(" ", piece).split()
    hashes = np.fromiter((xxhash.xxh3_64_intdigest(word.encode()) for word in words),
                         dtype=_WORD_HASH, count=len(words))
    return " ".join(words), hashes.tobytes()


# A whitespace-separated piece of casefolded text -> its words joined by spaces ("" when it is
# all punctuation) and the xxh3 of each of those words (as packed uint64, so a text's word
# hashes are one bytes join). Whitespace is never a word character,
# so splitting on it first and then on the other non-word characters gives exactly the words
# of one `[\W_]+` pass over the text; one look-up per piece serves the normalized text and the
# shingles' word hashes.
_PIECES = _Memo(_piece)
_PIECE_TEXT = operator.itemgetter(0)
_PIECE_HASHES = operator.itemgetter(1)


def _normalized_words(text: str) -> list[tuple[str, bytes]]:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return list(map(_PIECES.bounded().__getitem__, folded.split()))


def normalize_for_hash(text: str) -> str:
    """Casefolded words separated by single spaces: wrapping, quotes and punctuation vanish."""
    return " ".join(filter(None, map(_PIECE_TEXT, _normalized_words(text))))


def text_fingerprint(text: str) -> str:
    """Hash of the normalized text; equal fingerprints mean exact copies."""
    return hashlib.blake2b(normalize_for_hash(text).encode("utf-8"), digest_size=16).hexdigest()


def _fmix64(values: np.ndarray) -> np.ndarray:
    """MurmurHash3 finalizer: spreads the rolling sums over all 64 bits."""
    values = values ^ (values >> np.uint64(33))
    values = values * np.uint64(0xFF51AFD7ED558CCD)
    values = values ^ (values >> np.uint64(33))
    values = values * np.uint64(0xC4CEB9FE1A85EC53)
    return values ^ (values >> np.uint64(33))


def shingle_hashes(text: str, words: int) -> np.ndarray:
    """Sorted unique 64-bit hashes of the text's `words`-word shingles (one if it is shorter)."""
    return _shingles(_word_hashes(_normalized_words(text)), words)


def _word_hashes(pieces: list[tuple[str, bytes]]) -> np.ndarray:
    """xxh3 of each word of the normalized text, in order (each distinct piece hashed once per
    process)."""
    return np.frombuffer(b"".join(map(_PIECE_HASHES, pieces)), dtype=_WORD_HASH)


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    """`np.unique` for a small 1-d array at a fifth of its cost (it sets up a hash table)."""
    values = np.sort(values)
    if len(values) < 2:
        return values
    keep = np.empty(len(values), dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def _shingles(token_hashes: np.ndarray, words: int) -> np.ndarray:
    if not len(token_hashes):
        return _EMPTY
    width = min(max(words, 1), len(token_hashes))
    count = len(token_hashes) - width + 1
    rolled = np.zeros(count, dtype=np.uint64)
    for offset in range(width):  # polynomial hash of each window; uint64 arithmetic wraps
        rolled = rolled * _POSITION_MULTIPLIER + token_hashes[offset : offset + count]
    return _sorted_unique(_fmix64(rolled))


@dataclass(frozen=True)
class CopyFeatures:
    """What the corpus step needs of one article: computed where the article is cleaned (in a
    worker process), so only these compact features, not texts, meet in one place."""

    fingerprint: str
    """Hash of the normalized text; empty for a text without words."""
    signature: np.ndarray
    """MinHash values (uint32, num_perm of them)."""


def copy_features(text: str, options: Options | None = None) -> CopyFeatures:
    options = options or Options()
    pieces = _normalized_words(text)
    normalized = " ".join(filter(None, map(_PIECE_TEXT, pieces)))
    shingles = _shingles(_word_hashes(pieces), options.shingle_words)
    if not len(shingles):
        return CopyFeatures("", np.zeros(options.num_perm, dtype=np.uint32))
    fingerprint = hashlib.blake2b(normalized.encode("utf-8"), digest_size=16).hexdigest()
    values = _signature_values(shingles, options.num_perm).astype(np.uint32, copy=False)
    return CopyFeatures(fingerprint, values)


def containment(first: np.ndarray, second: np.ndarray) -> float:
    """Share of the smaller shingle set found in the larger one (both sorted and unique)."""
    smaller = min(len(first), len(second))
    if smaller == 0:
        return 0.0
    shared = len(np.intersect1d(first, second, assume_unique=True))
    return shared / smaller


def is_copy(first: np.ndarray, second: np.ndarray, threshold: float) -> bool:
    """Containment at the threshold, between texts within MIN_COPY_LENGTH_RATIO of each other.

    The length guard stops a short recurring text (a fact box, a standard paragraph) contained
    in many unrelated articles from chaining them all into one group.
    """
    smaller, larger = sorted((len(first), len(second)))
    if smaller == 0 or smaller < MIN_COPY_LENGTH_RATIO * larger:
        return False
    return containment(first, second) >= threshold


@lru_cache(maxsize=8)
def _empty_minhash(num_perm: int) -> MinHash:
    """Template whose permutations every signature shares (building them is the slow part)."""
    return MinHash(num_perm=num_perm, seed=MINHASH_SEED, hashfunc=int)


def _minhash(shingles: np.ndarray, num_perm: int) -> MinHash:
    signature = _empty_minhash(num_perm).copy()
    if len(shingles):
        signature.hashvalues = _signature_values(shingles, num_perm)
    return signature


def _signature_values(shingles: np.ndarray, num_perm: int) -> np.ndarray:
    """What `MinHash.update_batch` computes for these values (datasketch's affine32 scheme),
    straight from the array: its per-value Python loop was a third of the dedup cost."""
    template = _empty_minhash(num_perm)
    a, b = _permutation_columns(num_perm)
    values = template._hash_input_array(shingles >> np.uint64(32))
    mixed = datasketch_minhash._fmix(values, datasketch_minhash._SCHEME_WIDTHS[template.scheme])
    # one row per permutation: the minimum runs along contiguous memory; the sum is made in
    # the product's own array (uint32 wraps as datasketch's arithmetic does)
    permuted = np.multiply(a, mixed)
    np.add(permuted, b, out=permuted)
    return np.minimum(template.hashvalues, permuted.min(axis=1))


@lru_cache(maxsize=8)
def _permutation_columns(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    a, b = _empty_minhash(num_perm).permutations
    return a.reshape(-1, 1).copy(), b.reshape(-1, 1).copy()


def candidate_jaccard(threshold: float) -> float:
    """Jaccard of a copy at containment `threshold` that is MIN_COPY_LENGTH_RATIO as long."""
    kept = threshold * MIN_COPY_LENGTH_RATIO
    return kept / (1.0 + MIN_COPY_LENGTH_RATIO - kept)


@lru_cache(maxsize=8)
def band_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) that datasketch's optimiser picks for our candidate Jaccard."""
    lsh = MinHashLSH(threshold=candidate_jaccard(threshold), num_perm=num_perm, weights=LSH_WEIGHTS)
    return lsh.b, lsh.r


class _Groups:
    """Union-find over article positions; each group remembers its root (best sort key)."""

    def __init__(self) -> None:
        self._parent: list[int] = []
        self._best: dict[int, int] = {}
        self._members: dict[int, list[int]] = {}
        self._source_scores: dict[str, int] | None = None
        self.keys: list[tuple[bool, str, int, str]] = []
        self.outlets: list[str | None] = []

    def add(
        self, published: str | None, order: int, article_id: str, outlet: str | None = None
    ) -> int:
        position = len(self._parent)
        self._parent.append(position)
        self.keys.append((published is None, published or "", order, article_id))
        self.outlets.append(outlet)
        return position

    def source_scores(self) -> dict[str, int]:
        """Per outlet, in how many groups it alone published first: wire services are sources,
        and that is what settles a same-day tie between a wire story and one of its copies."""
        if self._source_scores is None:
            scores: dict[str, int] = {}
            for members in self._members.values():
                dates = sorted(self.keys[p][:2] for p in members)
                first = next(p for p in members if self.keys[p][:2] == dates[0])
                outlet = self.outlets[first]
                if outlet and not dates[0][0] and dates[0] != dates[1]:
                    scores[outlet] = scores.get(outlet, 0) + 1
            self._source_scores = scores
        return self._source_scores

    def members(self, position: int) -> list[int]:
        root = self.find(position)
        return self._members.get(root, [root])

    def find(self, position: int) -> int:
        parent = self._parent
        root = position
        while parent[root] != root:
            root = parent[root]
        while parent[position] != root:  # path compression
            parent[position], position = root, parent[position]
        return root

    def union(self, first: int, second: int) -> None:
        a, b = self.find(first), self.find(second)
        if a == b:
            return
        if a > b:
            a, b = b, a
        self._parent[b] = a
        self._source_scores = None
        self._members[a] = [*self._members.pop(a, [a]), *self._members.pop(b, [b])]
        best_a, best_b = self._best.pop(a, a), self._best.pop(b, b)
        self._best[a] = best_a if self.keys[best_a] <= self.keys[best_b] else best_b

    def original(self, position: int) -> int:
        """The member every copy of this position's group links to."""
        root = self.find(position)
        return self._best.get(root, root)

    def members_with_copies(self) -> list[int]:
        return [p for p in range(len(self._parent)) if self.original(p) != p]

    def central_original(self, position: int, shingles_of: Callable[[int], np.ndarray]) -> int:
        """The original of `position`'s group.

        The earliest published member. When several share that date (a wire story and the copy
        an outlet posted the same day): the one from the outlet that is elsewhere the lone first
        publisher (a wire service), then the one the others contain most of (copies each derive
        from the source, so the source is the group's centre), then the first read."""
        members = self.members(position)
        best = self.original(position)
        tied = [p for p in members if self.keys[p][:2] == self.keys[best][:2]]
        if len(tied) < 2:
            return best
        scores = self.source_scores()

        def centrality(p: int) -> float:
            if len(members) < 3:
                return 0.0
            own = shingles_of(p)
            return sum(containment(own, shingles_of(q)) for q in members if q != p)

        return min(tied, key=lambda p: (-scores.get(self.outlets[p] or "", 0),
                                        -round(centrality(p), 6), self.keys[p]))

    def central_originals(self, shingles_of: Callable[[int], np.ndarray]) -> dict[int, int]:
        """Copy position -> original position, for every group with copies."""
        originals: dict[int, int] = {}
        for members in self._members.values():
            best = self.central_original(members[0], shingles_of)
            originals.update({p: best for p in members if p != best})
        return dict(sorted(originals.items()))


class DuplicateIndex:
    """Incremental copy finder: add articles one by one, each is checked against those indexed.

    Keeps each article's shingle hashes (to confirm candidates) and its signature; for a whole
    corpus at once `find_duplicates` is leaner, it re-derives shingles only for candidates.
    """

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self._threshold = self.options.near_duplicate_threshold
        self._bands = band_params(self._threshold, self.options.num_perm)
        self._floor = ESTIMATE_FLOOR_SHARE * candidate_jaccard(self._threshold)
        self._lsh = MinHashLSH(
            num_perm=self.options.num_perm, params=self._bands, hashfunc=xxhash.xxh3_64_intdigest
        )
        self._groups = _Groups()
        self._ids: list[str] = []
        self._positions: dict[str, int] = {}
        self._fingerprints: list[str] = []
        self._by_fingerprint: dict[str, int] = {}
        self._shingles: list[np.ndarray] = []
        self._signatures = np.zeros((0, self.options.num_perm), dtype=np.uint32)

    def signature(self, text: str) -> MinHash:
        """MinHash of the text's word shingles, with this index's settings and fixed seed."""
        return _minhash(shingle_hashes(text, self.options.shingle_words), self.options.num_perm)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._positions

    def add(
        self, article_id: str, text: str, published: str | None, order: int,
        outlet: str | None = None,
    ) -> DuplicateLink | None:
        """Index one article; return its link if it copies one already indexed, else None.

        A later-added article that was published earlier becomes the root of its group; the
        links of the other members then change, and `links()` gives the current ones.
        """
        if article_id in self._positions:
            raise ValueError(f"article {article_id!r} is already indexed")
        position = self._groups.add(published, order, article_id, outlet)
        self._ids.append(article_id)
        self._positions[article_id] = position
        shingles = shingle_hashes(text, self.options.shingle_words)
        fingerprint = text_fingerprint(text) if len(shingles) else ""
        self._fingerprints.append(fingerprint)
        self._shingles.append(shingles)
        signature = _minhash(shingles, self.options.num_perm)
        self._store_signature(position, signature.hashvalues)
        twin = self._by_fingerprint.get(fingerprint) if fingerprint else None
        if twin is not None:
            self._groups.union(twin, position)  # same text: its twin already has the near links
        elif fingerprint:
            self._by_fingerprint[fingerprint] = position
            for candidate in self._worth_checking(position, self._lsh.query(signature)):
                if self._groups.find(candidate) == self._groups.find(position):
                    continue
                if is_copy(shingles, self._shingles[candidate], self._threshold):
                    self._groups.union(candidate, position)
            self._lsh.insert(position, signature, check_duplication=False)
        original = self._groups.central_original(position, self._shingles.__getitem__)
        return None if original == position else self._link(position, original)

    def links(self) -> dict[str, DuplicateLink]:
        """Every indexed copy mapped to its link to the root original, as things stand now."""
        return {
            self._ids[p]: self._link(p, original)
            for p, original in self._groups.central_originals(self._shingles.__getitem__).items()
        }

    def _store_signature(self, position: int, values: np.ndarray) -> None:
        if position >= len(self._signatures):
            grown = np.zeros((max(16, 2 * len(self._signatures)), values.size), dtype=np.uint32)
            grown[: len(self._signatures)] = self._signatures
            self._signatures = grown
        self._signatures[position] = values

    def _worth_checking(self, position: int, candidates: list[int]) -> list[int]:
        if not candidates:
            return []
        ordered = np.array(sorted(candidates), dtype=np.int64)
        estimates = (self._signatures[ordered] == self._signatures[position]).mean(axis=1)
        return ordered[estimates >= self._floor].tolist()

    def _link(self, copy: int, original: int) -> DuplicateLink:
        return _make_link(
            self._ids[copy],
            self._ids[original],
            self._fingerprints[copy] == self._fingerprints[original],
            lambda: containment(self._shingles[copy], self._shingles[original]),
        )


def _make_link(
    copy_id: str, original_id: str, exact: bool, measure: Callable[[], float]
) -> DuplicateLink:
    if exact:
        return DuplicateLink(id=copy_id, original=original_id, kind="exact", similarity=1.0)
    return DuplicateLink(
        id=copy_id, original=original_id, kind="near", similarity=round(measure(), 4)
    )


def _band_keys(signatures: np.ndarray, start: int, stop: int) -> np.ndarray:
    """One 64-bit key per row for columns start:stop (a key collision only adds a candidate)."""
    keys = np.zeros(len(signatures), dtype=np.uint64)
    for column in range(start, stop):
        keys = keys * _POSITION_MULTIPLIER + signatures[:, column].astype(np.uint64)
    return _fmix64(keys)


def _colliding_pairs(signatures: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """Unique (i, j), i < j, of rows sharing a band: LSH by sorting, O(n log n) per band."""
    found: list[np.ndarray] = []
    for band in range(bands):
        keys = _band_keys(signatures, band * rows, (band + 1) * rows)
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
        sizes = np.diff(np.r_[starts, len(keys)])
        for start, size in zip(starts[sizes > 1].tolist(), sizes[sizes > 1].tolist(), strict=True):
            bucket = np.sort(order[start : start + size])
            first, second = np.triu_indices(size, k=1)
            found.append(bucket[first] * len(signatures) + bucket[second])
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    codes = np.unique(np.concatenate(found))
    return np.stack([codes // len(signatures), codes % len(signatures)], axis=1)


def find_duplicates(
    articles: Sequence[Article],
    options: Options | None = None,
    features: Sequence[CopyFeatures] | None = None,
) -> dict[str, DuplicateLink]:
    """Map every copy's id to a link to the root original of its group (corpus step).

    Same groups and links as adding the articles to a `DuplicateIndex` in sequence order, but
    only signatures (n x num_perm uint32) stay in memory; shingles are re-derived for candidates.
    """
    options = options or Options()
    if len({article.id for article in articles}) != len(articles):
        raise ValueError("article ids must be unique")
    threshold = options.near_duplicate_threshold
    groups = _Groups()
    fingerprints: list[str] = []
    representatives: list[int] = []  # first article of each distinct non-empty text
    by_fingerprint: dict[str, int] = {}
    signatures = np.zeros((len(articles), options.num_perm), dtype=np.uint32)
    if features is not None and len(features) != len(articles):
        raise ValueError("one CopyFeatures per article is needed")
    for order, article in enumerate(articles):
        groups.add(article.published, order, article.id, article.outlet)
        feature = features[order] if features is not None else copy_features(article.text, options)
        fingerprint = feature.fingerprint
        fingerprints.append(fingerprint)
        if not fingerprint:
            continue
        twin = by_fingerprint.setdefault(fingerprint, order)
        if twin != order:
            groups.union(twin, order)
            continue
        signatures[len(representatives)] = feature.signature
        representatives.append(order)

    cache: dict[int, np.ndarray] = {}

    def shingles_of(position: int) -> np.ndarray:
        if position not in cache:
            if len(cache) >= 4096:  # bounded: candidates are usually near each other in time
                cache.clear()
            cache[position] = shingle_hashes(articles[position].text, options.shingle_words)
        return cache[position]

    kept = signatures[: len(representatives)]
    pairs = _colliding_pairs(kept, *band_params(threshold, options.num_perm))
    floor = ESTIMATE_FLOOR_SHARE * candidate_jaccard(threshold)
    for chunk in range(0, len(pairs), 65536):
        part = pairs[chunk : chunk + 65536]
        estimates = (kept[part[:, 0]] == kept[part[:, 1]]).mean(axis=1)
        for first, second in part[estimates >= floor].tolist():
            a, b = representatives[first], representatives[second]
            if groups.find(a) == groups.find(b):
                continue
            if is_copy(shingles_of(a), shingles_of(b), threshold):
                groups.union(a, b)

    links: dict[str, DuplicateLink] = {}
    for position, original in groups.central_originals(shingles_of).items():
        links[articles[position].id] = _make_link(
            articles[position].id,
            articles[original].id,
            fingerprints[position] == fingerprints[original],
            lambda p=position, o=original: containment(shingles_of(p), shingles_of(o)),
        )
    return links
