"""Stories: copies of one article across outlets (syndication, reposts, truncated copies).

Exact copies (the same text from another source) are linked to the stored article, never
dropped. Near copies are found with MinHash LSH over word 5-grams (128 permutations): a
candidate joins a story when the estimated Jaccard similarity is at least 0.7, or when the
shorter text is at least 80% contained in the longer (a truncated copy), and the two were
published within a week of each other when both dates are known. A story's origin is its
earliest published copy.

The matching is here; the rows it reads and the story it decides are the store's
(:meth:`newsdesk.store.Store.signatures`, :meth:`~newsdesk.store.Store.story_of`, and the
placement :meth:`~newsdesk.store.Store.add` records with the article, in one transaction).
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsdesk.model import Article
from newsdesk.store import Added, ArticleRows, Store, StoryPlacement, article_rows
from newsdesk.store.writes import now

NUM_PERM = 128
SHINGLE_WORDS = 5
CANDIDATE_THRESHOLD = 0.3  # low, so that truncated copies come up as candidates
SAME_STORY_JACCARD = 0.7
SAME_STORY_CONTAINMENT = 0.8
WINDOW = dt.timedelta(days=7)
_SCHEME = "affine32"


def signature(text: str) -> tuple[MinHash, int]:
    """The MinHash of a text's word 5-grams, and how many distinct 5-grams it has."""
    words = re.findall(r"\w+", text.lower())
    grams = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    if not grams and words:
        grams = {" ".join(words)}
    minhash = MinHash(num_perm=NUM_PERM)
    minhash.update_batch([g.encode("utf-8") for g in grams])
    return minhash, len(grams)


def minhash_from_bytes(values: bytes) -> MinHash:
    """The MinHash whose hash values were kept as these bytes (a stored signature)."""
    hashvalues = np.frombuffer(values, dtype=np.uint64).copy()
    return MinHash(num_perm=NUM_PERM, hashvalues=hashvalues, scheme=_SCHEME)


def containment(jaccard: float, size_a: int, size_b: int) -> float:
    """How much of the smaller set lies in the larger, from their Jaccard similarity."""
    if not size_a or not size_b:
        return 0.0
    shared = jaccard * (size_a + size_b) / (1 + jaccard)
    return shared / min(size_a, size_b)


def _close_in_time(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return abs(dt.date.fromisoformat(a) - dt.date.fromisoformat(b)) <= WINDOW


class StoryIndex:
    """The near-duplicate index of one store, loaded from its stored signatures on first use;
    it decides the story each new article joins and has the store record it."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
        self.sizes: dict[int, int] = {}
        self.hashes: dict[int, MinHash] = {}
        self._loaded = False

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        for stored in self.store.signatures():
            self._remember(stored.article_id, minhash_from_bytes(stored.minhash), stored.shingles)

    def _remember(self, article_id: int, minhash: MinHash, size: int) -> None:
        self.lsh.insert(str(article_id), minhash)
        self.sizes[article_id] = size
        self.hashes[article_id] = minhash

    def add(self, article: Article) -> Added:
        """Store an analysed article (see :meth:`newsdesk.store.Store.add`) in the story of
        its nearest stored copy, or in a new story when it has none."""
        minhash, size = signature(article.text)
        return self.add_record(article_rows(article, now()), minhash, size)

    def add_record(self, record: ArticleRows, minhash: MinHash, size: int) -> Added:
        """Store an analysed article given as its rows and its text's signature (``minhash``
        over ``size`` distinct word n-grams, as :func:`signature` makes them) in the story of
        its nearest stored copy, or in a new story when it has none."""
        self._load()
        placement = StoryPlacement(
            self._story_for(minhash, size, record.article["published"]),
            size,
            minhash.hashvalues.astype(np.uint64).tobytes(),
        )
        added = self.store.add_record(record, placement)
        if added.new:
            self._remember(added.article_id, minhash, size)
        return added

    def _story_for(self, minhash: MinHash, size: int, published: str | None) -> int | None:
        """The story of the closest stored copy published near enough in time, if any."""
        story = None
        best = 0.0
        for candidate in self.lsh.query(minhash):
            other = int(candidate)
            jaccard = minhash.jaccard(self.hashes[other])
            contained = containment(jaccard, size, self.sizes[other])
            if jaccard < SAME_STORY_JACCARD and contained < SAME_STORY_CONTAINMENT:
                continue
            found = self.store.story_of(other)
            if found is None or not _close_in_time(published, found[1]):
                continue
            if max(jaccard, contained) > best:
                story, best = found[0], max(jaccard, contained)
        return story
