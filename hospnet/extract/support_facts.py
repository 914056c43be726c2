"""The facts of SUPPORTS and TRANSFERS as the relation rules find them: one per giver and receiver,
the TRANSFERS of each technique named, their status and properties (one home for each)."""

from __future__ import annotations

from dataclasses import dataclass

from hospnet.extract.clauses import ACTS, Match
from hospnet.extract.context import DocumentContext, SentenceMentions
from hospnet.extract.mentions import Mention
from hospnet.extract.relations import Fact, kinds_of
from hospnet.extract.rules import Hit, RuleSet
from hospnet.extract.techniques import find_techniques, list_techniques, named_techniques


@dataclass
class OpenFact:
    """Half a fact: one slot filled, the trigger found, the other slot left to a neighbouring sentence."""

    match: Match
    index: int  # sentence number


def act_of(match: Match) -> Hit | None:
    return next((h for h in match.hits if h.name in ACTS), None)


def learning(match: Match) -> bool:
    """A rule that reads staff sent to learn at the giver (supports.sent_to_learn)."""
    return any(h.name in ("learn", "trained") for h in match.hits)


class FactReader:
    """Collects the facts of one document."""

    def __init__(self, ctx: DocumentContext, rules: RuleSet) -> None:
        self.ctx, self.rules = ctx, rules
        self.facts: list[Fact] = []
        self.seen: set[tuple] = set()
        self.listed: set[tuple[str, str]] = set()  # (giver, province) read from a list of provinces
        self.receivers_at: dict[
            int, list[Mention]
        ] = {}  # sentence number -> receivers of its whole facts

    def add(
        self,
        rule: str,
        givers: list[Mention],
        receivers: list[Mention],
        units: list[SentenceMentions],
        act: Hit | None,
    ) -> None:
        """One fact per giver and receiver; `units` are its evidence sentences, one of them holds `act`."""
        # The evidence: the sentence, or the text from the first sentence to the last (both kept, as written).
        text = self.ctx.text[units[0].sentence.start : units[-1].sentence.end]
        unit = next(
            (u for u in units if act and u.sentence.start <= act.start < u.sentence.end), units[-1]
        )
        programs = [m for u in units for m in u.mentions if m.label == "Program"]
        if sum(r.label == "Province" for r in receivers) >= 2:
            self.listed |= {(g.name, r.name) for g in givers for r in receivers}
        for giver in givers:
            for receiver in receivers:
                source, dest = giver, receiver
                if source.name == dest.name or source.label != "Hospital":
                    continue
                kinds = kinds_of(text) or ["training"]
                if act is not None and act.name == "transfer" and "technique_transfer" not in kinds:
                    kinds = ["technique_transfer", *kinds]
                props: dict = {"kinds": kinds}
                if programs:
                    props["program"] = programs[0].name
                key = ("SUPPORTS", source.name, dest.name)
                if key not in self.seen:
                    self.seen.add(key)
                    self.facts.append(Fact("SUPPORTS", source, dest, text, props, rule=rule))
                elif dest.props.get("prefixed") and not dest.props.get("unnamed"):
                    # "cử đoàn đến tỉnh Tây Ninh" after a headline's bare "Tây Ninh": named in full
                    for f in self.facts:
                        if (f.type, f.start.name, f.end.name) == key:
                            f.end = dest
                if (
                    act is not None
                    and act.name in ("transfer", "receive")
                    and dest.label == "Hospital"
                ):
                    self.transfers(rule, source, dest, unit, act, text, programs)

    def transfers(
        self,
        rule: str,
        source: Mention,
        dest: Mention,
        unit: SentenceMentions,
        act: Hit,
        text: str,
        programs: list[Mention],
    ) -> None:
        sentence, base = unit.sentence.text, unit.sentence.start
        if self.rules.has(
            "request", sentence[: act.start - base]
        ):  # a technique only asked for is not transferred
            return
        # the techniques of this clause: "chuyển giao cho A kỹ thuật X; với B, đơn vị chuyển giao Y"
        clause = sentence[act.end - base :].split(";", 1)[0]
        techniques = list_techniques(clause, act.end)
        if not techniques:
            received = self.rules.finditer("receive", sentence, 0, act.start - base)
            if received:  # "R tiếp nhận các kỹ thuật A, B và C do S chuyển giao"
                listed = sentence[received[-1].end() : act.start - base]
                by = self.rules.finditer("of", listed)
                techniques = list_techniques(
                    listed[: by[-1].start()] if by else listed, base + received[-1].end()
                )
        if not techniques and act.name == "transfer":
            techniques = named_techniques(sentence, base) or find_techniques(sentence, base)
        techniques = [
            t for t in techniques if not any(m.start <= t.start < m.end for m in unit.mentions)
        ]
        head = sentence[: act.start - base]
        status = transfer_status(self.rules, head, sentence)
        for tech in techniques:
            key = ("TRANSFERS", source.name, dest.name, tech.name)
            if key in self.seen:
                continue
            self.seen.add(key)
            props = transfer_props(self.ctx, status, tech)
            self.facts.append(Fact("TRANSFERS", source, dest, text, props, rule=rule))
        if techniques:
            mark_technique_transfer(self.facts, {(source.name, dest.name)})


def transfer_status(rules: RuleSet, before: str, sentence: str) -> str:
    """planned ("sẽ", "kế hoạch" before the trigger), done ("đã", "thành công"), else in progress."""
    if rules.has("planned", before):
        return "planned"
    return "done" if rules.has("done", sentence) else "in_progress"


def transfer_props(ctx: DocumentContext, status: str, tech: Mention) -> dict:
    """A TRANSFERS fact's properties: its status, its technique and the story's date."""
    props: dict = {"status": status, "technique_mention": tech}
    if ctx.date:
        props["date"] = ctx.date
    return props


def mark_technique_transfer(facts: list[Fact], pairs: set[tuple[str, str]]) -> None:
    """SCHEMA: every TRANSFERS pair's SUPPORTS has the kind `technique_transfer`."""
    for f in facts:
        kinds = f.props.get("kinds")
        pair = (f.start.name, f.end.name)
        if f.type == "SUPPORTS" and pair in pairs and kinds and "technique_transfer" not in kinds:
            kinds.insert(0, "technique_transfer")
