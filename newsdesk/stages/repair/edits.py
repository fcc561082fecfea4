"""Text that records every change made to it and can map its offsets back to the original."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy

from newsdesk.model import OffsetSegment, Removed, Repair


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``; ``kind`` names the repair."""

    start: int
    end: int
    replacement: str
    kind: str


class EditableText:
    """A string under repair: applies batches of edits, keeps the log and the offset map.

    Every applied edit becomes a :class:`Repair` (or a :class:`Removed` for deletions made
    with :meth:`remove`); spans of earlier repairs move with later edits so that all of them
    end up as offsets into the final text.
    """

    def __init__(self, original: str) -> None:
        self.original = original
        self.text = original
        # For every character of ``text``: its index in ``original`` (for a replaced
        # character, where the replaced stretch began) and whether it was changed.
        self._origin = list(range(len(original)))
        self._changed = bytearray(len(original))
        self.repairs: list[Repair] = []
        self.removed: list[Removed] = []

    def apply(self, edits: Iterable[Edit]) -> int:
        """Apply non-overlapping edits given in current-text offsets; return how many changed."""
        return self._apply(edits, removal_reasons=None)

    def remove(self, spans: Iterable[tuple[int, int, str]]) -> int:
        """Delete ``(start, end, reason)`` stretches, logging them as removed, not repaired."""
        edits = []
        reasons: dict[int, str] = {}
        for start, end, reason in spans:
            edits.append(Edit(start, end, "", "removed"))
            reasons[start] = reason
        return self._apply(edits, removal_reasons=reasons)

    def _original_offset(self, position: int) -> int:
        if position >= len(self.text):
            return len(self.original)
        return self._origin[position]

    def _apply(self, edits: Iterable[Edit], removal_reasons: dict[int, str] | None) -> int:
        accepted = self._accepted(edits)
        if not accepted:
            return 0
        text_after, origin, changed, new_spans = self._rebuilt(accepted)
        shift = _shifter(accepted, new_spans)
        if removal_reasons is not None:
            self._log_removals(accepted, removal_reasons)
        self.repairs = self._carried_repairs(
            accepted, new_spans, text_after, shift, fold=removal_reasons is None
        )
        self.repairs.sort(key=lambda r: (r.start, r.end))
        self.text = text_after
        self._origin = origin
        self._changed = changed
        return len(accepted)

    def _accepted(self, edits: Iterable[Edit]) -> list[Edit]:
        """The edits of a batch that apply, in text order: in range, not overlapping an
        earlier one, and changing something."""
        accepted: list[Edit] = []
        last_end = -1
        for edit in sorted(edits, key=lambda e: (e.start, e.end)):
            if edit.start < last_end or not 0 <= edit.start <= edit.end <= len(self.text):
                continue  # overlaps an earlier edit of the batch, or out of range
            if self.text[edit.start : edit.end] == edit.replacement:
                continue
            accepted.append(edit)
            last_end = edit.end
        return accepted

    def _rebuilt(
        self, accepted: list[Edit]
    ) -> tuple[str, list[int], bytearray, list[tuple[int, int]]]:
        """The text with the edits made, its origin and changed marks, and where each edit's
        replacement lies in it."""
        pieces: list[str] = []
        origin: list[int] = []
        changed = bytearray()
        new_spans: list[tuple[int, int]] = []
        cursor = 0
        length = 0
        for edit in accepted:
            pieces.append(self.text[cursor : edit.start])
            origin.extend(self._origin[cursor : edit.start])
            changed.extend(self._changed[cursor : edit.start])
            length += edit.start - cursor
            anchor = self._original_offset(edit.start)
            pieces.append(edit.replacement)
            origin.extend([anchor] * len(edit.replacement))
            changed.extend(b"\x01" * len(edit.replacement))
            new_spans.append((length, length + len(edit.replacement)))
            length += len(edit.replacement)
            cursor = edit.end
        pieces.append(self.text[cursor:])
        origin.extend(self._origin[cursor:])
        changed.extend(self._changed[cursor:])
        return "".join(pieces), origin, changed, new_spans

    def _log_removals(self, accepted: list[Edit], removal_reasons: dict[int, str]) -> None:
        for edit in accepted:
            self.removed.append(
                Removed(
                    text=self.text[edit.start : edit.end],
                    reason=removal_reasons.get(edit.start, "removed"),
                    start=self._original_offset(edit.start),
                    end=self._original_offset(edit.end),
                )
            )

    def _carried_repairs(
        self,
        accepted: list[Edit],
        new_spans: list[tuple[int, int]],
        text_after: str,
        shift: Callable[[int, bool], int],
        fold: bool,
    ) -> list[Repair]:
        """The repairs after a batch: earlier ones it leaves alone, moved to the new text,
        and with ``fold`` one repair per group of edits and the earlier repairs they touch."""
        # Earlier repairs that this batch touches again are folded, with every edit touching
        # them, into one repair: its ``after`` is what the final text holds at its span and its
        # ``before`` what stood there before any repair. A repair inside a removed stretch goes
        # (the removal records the text).
        old_ends = [e.end for e in accepted]
        group = list(range(len(accepted)))
        folded: dict[int, list[Repair]] = {}
        kept: list[Repair] = []
        for repair in self.repairs:
            touched = self._touching(accepted, old_ends, repair)
            if not touched:
                kept.append(
                    Repair(
                        repair.kind,
                        shift(repair.start, False),
                        shift(repair.end, True),
                        repair.before,
                        repair.after,
                    )
                )
            elif fold:
                for index in touched[1:]:
                    group[_root(group, index)] = _root(group, touched[0])
                folded.setdefault(touched[0], []).append(repair)
        if fold:
            members: dict[int, list[int]] = {}
            for index in range(len(accepted)):
                members.setdefault(_root(group, index), []).append(index)
            for indices in members.values():
                earlier = sorted(
                    (r for index in indices for r in folded.get(index, [])),
                    key=lambda r: (r.start, r.end),
                )
                kept.append(self._merged(accepted, new_spans, indices, earlier, text_after, shift))
        return kept

    @staticmethod
    def _touching(accepted: list[Edit], ends: list[int], repair: Repair) -> list[int]:
        """Indices of the edits of a batch that overlap or touch ``repair``."""
        found = []
        index = bisect_left(ends, repair.start)
        while index < len(accepted) and accepted[index].start <= repair.end:
            edit = accepted[index]
            overlaps = repair.start < edit.end and edit.start < repair.end
            point_inside = repair.start == repair.end and edit.start <= repair.start <= edit.end
            insertion_inside = edit.start == edit.end and repair.start <= edit.start <= repair.end
            if overlaps or point_inside or insertion_inside:
                found.append(index)
            index += 1
        return found

    def _merged(
        self,
        accepted: list[Edit],
        new_spans: list[tuple[int, int]],
        indices: list[int],
        earlier: list[Repair],
        text_after: str,
        shift: Callable[[int, bool], int],
    ) -> Repair:
        """One repair for a group of edits and the earlier repairs they touch."""
        first, last = accepted[indices[0]], accepted[indices[-1]]
        if not earlier:
            before = self.text[first.start : first.end]
            return Repair(first.kind, *new_spans[indices[0]], before, first.replacement)
        low = min(first.start, earlier[0].start)
        high = max(last.end, *(r.end for r in earlier))
        parts = []
        cursor = low
        for repair in earlier:
            parts.append(self.text[cursor : repair.start])
            parts.append(repair.before)
            cursor = max(cursor, repair.end)
        parts.append(self.text[cursor:high])
        start = new_spans[indices[0]][0] if first.start == low else shift(low, False)
        end = new_spans[indices[-1]][1] if last.end == high else shift(high, True)
        steps = [r.kind for r in earlier] + [accepted[i].kind for i in indices]
        kinds = dict.fromkeys(kind for step in steps for kind in step.split("+"))
        return Repair("+".join(kinds), start, end, "".join(parts), text_after[start:end])

    def offset_map(self) -> list[OffsetSegment]:
        """Return the changed stretches of the text with the original stretches they replaced."""
        # A segment ends at each unchanged character that does not follow the previous
        # unchanged one in both texts; it runs from just after that previous one.
        kept = numpy.flatnonzero(numpy.frombuffer(self._changed, dtype=numpy.uint8) == 0)
        source = numpy.array(self._origin, dtype=numpy.int64)[kept]
        new_ends = numpy.concatenate(([0], kept + 1))
        orig_ends = numpy.concatenate(([0], source + 1))
        breaks = numpy.flatnonzero((kept != new_ends[:-1]) | (source != orig_ends[:-1]))
        segments = [
            OffsetSegment(*row)
            for row in zip(
                new_ends[breaks].tolist(),
                kept[breaks].tolist(),
                orig_ends[breaks].tolist(),
                source[breaks].tolist(),
                strict=True,
            )
        ]
        new_end, orig_end = int(new_ends[-1]), int(orig_ends[-1])
        if new_end != len(self.text) or orig_end != len(self.original):
            segments.append(OffsetSegment(new_end, len(self.text), orig_end, len(self.original)))
        return segments


def _root(group: list[int], index: int) -> int:
    """The representative of the group of edits ``index`` belongs to."""
    while group[index] != index:
        index = group[index]
    return index


def _shifter(accepted: list[Edit], new_spans: list[tuple[int, int]]) -> Callable[[int, bool], int]:
    """A map from offsets of the text before a batch of edits to offsets after it."""
    old_starts = [e.start for e in accepted]

    def shift(position: int, right: bool) -> int:
        # Map an old offset to the new text: after an edit it moves by that edit's change in
        # length; strictly inside an edit it is clamped to the edit's new extent. An
        # insertion at a span's start goes before the span, one at its end after it.
        index = bisect_right(old_starts, position) - 1
        if index < 0:
            return position
        edit = accepted[index]
        new_start, new_end = new_spans[index]
        if edit.start == position:
            if edit.start == edit.end and not right:
                return new_end
            return new_start
        if position < edit.end:
            return new_end if right else new_start
        return new_end + (position - edit.end)

    return shift
