"""The dialog graph, walked in one place: where an answer leads, how many questions are left
on the way the answers choose, which questions can be reached, and every edge.

The engine, the checker (`intake validate`), the graph and coverage all use this module, so
"what comes next" has one meaning. Each question's `next` is a list of edges tried in order;
the first whose condition holds for the answers so far wins, and the last has no condition.
That is the whole machine: a session keeps its current question id and asks `next`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from .conditions import AnswerValue, holds, slots_of
from .spec import END, Edge, Question

# "questions left" is cached per situation; past this many situations the cache starts over
MAX_CACHED = 50_000


class Route:
    def __init__(self, questions: Mapping[str, Question], start: str) -> None:
        self.questions = questions
        self.start = start
        self._ahead = self._downstream_slots()
        self._left: dict[tuple[str, tuple[object, ...]], int] = {}
        # each edge with the slots its condition tests, worked out once: the longest-way count
        # runs on every new situation
        self._ways = {qid: tuple((e.goto, e.when, frozenset(slots_of(e.when)) if e.when is not None else frozenset())
                                 for e in q.next) for qid, q in questions.items()}

    def next(self, qid: str, answers: Mapping[str, AnswerValue]) -> str:
        """The question after `qid` for these answers, or END."""
        for edge in self.questions[qid].next:
            if edge.when is None or holds(edge.when, answers):
                return edge.goto
        return END

    def questions_left(self, state: str, answers: Mapping[str, AnswerValue]) -> int:
        """Questions ahead on the longest way still open: a branch whose answers are known goes
        the way they choose, one that tests a question not answered yet may go either way. So
        the count never rises as the person answers (following the default way, it went 12,
        13, 15). Worked out once per situation: it depends only on the answers ahead tested."""
        if state == END:
            return 0
        key = (state, tuple(answers.get(slot) for slot in self._ahead[state]))
        found = self._left.get(key)
        if found is None:
            memo: dict[str, int] = {}
            found = self._longest(state, answers, memo, len(self.questions))
            if len(self._left) > MAX_CACHED:
                self._left.clear()
            self._left[key] = found
        return found

    def _longest(self, qid: str, answers: Mapping[str, AnswerValue], memo: dict[str, int], depth: int) -> int:
        if qid == END or qid not in self.questions or depth < 0:
            return 0
        if qid not in memo:
            best = 0
            for goto, when, slots in self._ways[qid]:
                decided = when is None or all(slot in answers for slot in slots)
                if decided and when is not None and not holds(when, answers):
                    continue  # known not to be taken
                best = max(best, self._longest(goto, answers, memo, depth - 1))
                if decided:
                    break  # known to be taken: the edges after it are not
            memo[qid] = 1 + best
        return memo[qid]

    def forget_answers(self) -> None:
        """Drop what is cached by answer values (no one is answering now)."""
        self._left.clear()

    def edges(self) -> Iterator[tuple[Question, int, Edge]]:
        """Every edge, with its question and its place in that question's list."""
        for question in self.questions.values():
            for index, edge in enumerate(question.next):
                yield question, index, edge

    def reachable(self) -> set[str]:
        """Questions some answers can lead to from the start (edges to unknown ids are skipped)."""
        seen: set[str] = set()
        todo = [self.start]
        while todo:
            qid = todo.pop()
            if qid in seen or qid not in self.questions:
                continue
            seen.add(qid)
            todo.extend(edge.goto for edge in self.questions[qid].next)
        return seen

    def _downstream_slots(self) -> dict[str, tuple[str, ...]]:
        """For each question, the slots that the branches still ahead of it test."""
        memo: dict[str, frozenset[str]] = {}

        def slots(qid: str) -> frozenset[str]:
            if qid not in memo:
                memo[qid] = frozenset()  # a loop (refused by the checker) cannot recurse forever
                found: set[str] = set()
                for edge in self.questions[qid].next:
                    if edge.when is not None:
                        found.update(slots_of(edge.when))
                    if edge.goto in self.questions:
                        found |= slots(edge.goto)
                memo[qid] = frozenset(found)
            return memo[qid]

        return {qid: tuple(sorted(slots(qid))) for qid in self.questions}
