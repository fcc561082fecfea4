"""Syndicated, reposted and truncated copies grouped into stories; exact copies linked."""

from __future__ import annotations

from pathlib import Path

from newsdesk.corpus.ingest import IngestOptions, ingest
from newsdesk.corpus.stories import containment, signature
from newsdesk.pipeline import Pipeline
from newsdesk.store import open_store

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_copies_become_one_story_with_the_earliest_as_origin(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    story = (SAMPLES / "2024-09-19_river_flood.txt").read_text("utf-8")
    wire, other = tmp_path / "wire", tmp_path / "other"
    wire.mkdir()
    other.mkdir()
    (wire / "2024-09-20_repost.txt").write_text(
        story.replace(
            "Danube floods villages near Bratislava", "Villages evacuated near Bratislava"
        )
        + "\nThis report first appeared on a news agency's wire.\n",
        "utf-8",
    )
    (wire / "2024-09-19_original.txt").write_text(story, "utf-8")
    (wire / "2024-09-21_truncated.txt").write_text(story[: len(story) // 2], "utf-8")
    (wire / "2024-11-20_much_later.txt").write_text(story + "\nUpdated.\n", "utf-8")
    (other / "2024-09-19_syndicated.txt").write_text(story, "utf-8")
    for sample in ("2024-05-07_port_strike.txt", "2024-07-16_cycling_race.txt"):
        (wire / sample).write_text((SAMPLES / sample).read_text("utf-8"), "utf-8")
    with open_store(tmp_path / "corpus.db") as store:
        # The later repost arrives first; the origin must still be the earliest copy.
        first = ingest(
            [str(wire / "2024-09-20_repost.txt")],
            store,
            pipeline,
            IngestOptions(published_from_path=True),
        )
        summary = ingest(
            [str(wire), str(other)], store, pipeline, IngestOptions(published_from_path=True)
        )
        assert first.added == 1 and (summary.added, summary.duplicates) == (5, 2)
        [flood] = store.stories()
        assert flood.articles == 3 and flood.exact_copies == 1
        assert flood.origin.endswith("2024-09-19_original.txt")
        assert store.count("stories") == 4  # the flood, the copy months later, two others


def test_containment_of_a_truncated_copy() -> None:
    text = " ".join(f"word{i}" for i in range(400))
    full, full_size = signature(text)
    half, half_size = signature(" ".join(f"word{i}" for i in range(200)))
    jaccard = full.jaccard(half)
    assert 0.35 < jaccard < 0.65
    assert containment(jaccard, half_size, full_size) > 0.8
