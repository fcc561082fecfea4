"""Stories: copies of one article across outlets (syndication, reposts, truncated copies).

Exact copies (the same text from another source) are linked to the stored article, never
dropped. Near copies are found with MinHash LSH over word 5-grams (128 permutations): a
candidate joins a story when the estimated Jaccard similarity is at least 0.7, or when the
shorter text is at least 80% contained in the longer (a truncated copy), and the two were
published within a week of each other when both dates are known. A story's origin is its
earliest published copy.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3

import numpy as np
from datasketch import MinHash, MinHashLSH

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
    """The near-duplicate index of one store, loaded from its signatures on first use."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
        self.sizes: dict[int, int] = {}
        self.hashes: dict[int, MinHash] = {}
        for article_id, size, blob in connection.execute(
            "SELECT article_id, shingles, minhash FROM signatures"
        ):
            values = np.frombuffer(blob, dtype=np.uint64).copy()
            minhash = MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=_SCHEME)
            self._remember(int(article_id), minhash, int(size))

    def _remember(self, article_id: int, minhash: MinHash, size: int) -> None:
        self.lsh.insert(str(article_id), minhash)
        self.sizes[article_id] = size
        self.hashes[article_id] = minhash

    def assign(self, article_id: int, text: str, published: str | None) -> int:
        """Put a newly stored article in its story (a new one if it has none); return its id."""
        minhash, size = signature(text)
        story = None
        best = 0.0
        for candidate in self.lsh.query(minhash):
            other = int(candidate)
            jaccard = minhash.jaccard(self.hashes[other])
            contained = containment(jaccard, size, self.sizes[other])
            if jaccard < SAME_STORY_JACCARD and contained < SAME_STORY_CONTAINMENT:
                continue
            row = self.connection.execute(
                "SELECT story_id, published FROM articles WHERE id = ?", (other,)
            ).fetchone()
            if row is None or row[0] is None or not _close_in_time(published, row[1]):
                continue
            if max(jaccard, contained) > best:
                story, best = int(row[0]), max(jaccard, contained)
        c = self.connection
        if story is None:
            story = int(
                c.execute(
                    "INSERT INTO stories (origin_article_id, size) VALUES (?, 1)", (article_id,)
                ).lastrowid
                or 0
            )
        else:
            c.execute("UPDATE stories SET size = size + 1 WHERE id = ?", (story,))
            origin_date = c.execute(
                "SELECT a.published FROM stories s JOIN articles a "
                "ON a.id = s.origin_article_id WHERE s.id = ?",
                (story,),
            ).fetchone()[0]
            if published and (origin_date is None or published < origin_date):
                c.execute(
                    "UPDATE stories SET origin_article_id = ? WHERE id = ?", (article_id, story)
                )
        c.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story, article_id))
        c.execute(
            "INSERT INTO signatures (article_id, shingles, minhash) VALUES (?, ?, ?)",
            (article_id, size, minhash.hashvalues.astype(np.uint64).tobytes()),
        )
        self._remember(article_id, minhash, size)
        return story
