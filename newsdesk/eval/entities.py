"""Entity evaluation against hand-labelled cases: canonical names, types, GeoNames ids, mentions.

A gold file is either the seed's ``gold.json`` (``document`` names the text beside it) or a
file of ``cases`` with inline ``text``. An entity is found when newsdesk gives an entity of the
same type and canonical name; precision counts newsdesk's people, organisations and places
against the case's list.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsdesk.model import Article
from newsdesk.pipeline import Pipeline

TYPES = ("PERSON", "ORG", "PLACE")


@dataclass
class EntityCase:
    """One labelled text."""

    name: str
    text: str
    published: str | None
    entities: list[dict[str, Any]]


def read_cases(path: Path) -> list[EntityCase]:
    """Read a seed-style gold file or a file of inline cases."""
    data = json.loads(path.read_text("utf-8"))
    if "cases" in data:
        return [
            EntityCase(f"{path.name}#{i}", c["text"], c.get("published"), c["entities"])
            for i, c in enumerate(data["cases"])
        ]
    text = (path.parent / data["document"]).read_text("utf-8")
    return [EntityCase(path.name, text, data.get("published"), data["entities"])]


@dataclass
class EntityScores:
    """Counts behind the entity figures."""

    gold: int = 0
    predicted: int = 0
    found: int = 0
    ids_expected: int = 0
    ids_right: int = 0
    mentions_expected: int = 0
    mentions_found: int = 0

    def as_dict(self) -> dict[str, float | int]:
        """Precision, recall and F1 of entities, id accuracy and mention recall."""
        p = self.found / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        return {
            "entities_gold": self.gold,
            "entities_predicted": self.predicted,
            "entity_precision": round(p, 4),
            "entity_recall": round(r, 4),
            "entity_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "geonames_id_accuracy": round(self.ids_right / self.ids_expected, 4)
            if self.ids_expected
            else 1.0,
            "mention_recall": round(self.mentions_found / self.mentions_expected, 4)
            if self.mentions_expected
            else 1.0,
        }


def evaluate_entities(cases: list[EntityCase], pipeline: Pipeline) -> EntityScores:
    """Run the pipeline over the cases and count what it found."""
    scores = EntityScores()
    for case in cases:
        article = pipeline.run(Article(case.name, case.text, published=case.published))
        predicted = {(e.type, e.canonical): e for e in article.entities if e.type in TYPES}
        scores.predicted += len(predicted)
        for gold in case.entities:
            scores.gold += 1
            found = predicted.get((gold["type"], gold["canonical"]))
            if found is None:
                continue
            scores.found += 1
            if "geonames_id" in gold:
                scores.ids_expected += 1
                scores.ids_right += int(found.geonames_id == gold["geonames_id"])
            texts = {m.text for m in found.mentions}
            for mention in gold.get("mentions", []):
                if mention in article.text:
                    scores.mentions_expected += 1
                    scores.mentions_found += int(mention in texts)
    return scores
