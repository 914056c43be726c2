"""Mentions and facts of one document -> SCHEMA nodes and relationships, each once, with provenance."""

from __future__ import annotations

from hospnet.extract.mentions import Mention
from hospnet.places import match_province, province_for, province_properties
from hospnet.extract.agreements import AgreementFact
from hospnet.extract.relations import Fact, kinds_of
from hospnet.model import Document, Extraction, Node, Relationship, source_evidence
from hospnet.names import make_id, search_key

_AGREEMENT_TITLES = {
    "support_contract": "Hợp đồng hỗ trợ chuyên môn",
    "cooperation": "Thỏa thuận hợp tác",
    "transfer_plan": "Kế hoạch chuyển giao kỹ thuật",
    "other": "Văn bản ký kết",
}


# The rule id of relationships that no relation rule reads: they follow from the entities themselves.
_DEFAULT_RULES = {
    "LOCATED_IN": "entity.province",
    "ISSUED_BY": "program.issuer",
    "MENTIONED_IN": "entity.mention",
    "HAS_TECHNIQUE": "transfer.acquired",
    "UNDER": "agreement.program",
    "PARTY_TO": "agreement.signed",
    "SIGNED_BY": "signed.by_signatory",
}


class GraphBuilder:
    """Collects the nodes and relationships of one document, merging repeats in first-seen order."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.nodes: dict[str, Node] = {}
        self.rels: dict[tuple, Relationship] = {}
        self.mentioned: set[str] = set()
        self.agreement_dates: dict[tuple, str | None] = {}
        self.agreement_parties: dict[str, list[str]] = {}
        self.story_techniques: set[str] = set()  # Technique nodes named with no transfer

    # nodes -------------------------------------------------------------------------------------------
    def entity(self, m: Mention, sentence: str | None = None) -> str:
        """The id of the node a mention names, adding the node (and its province) on first sight."""
        node_id = self._node_for(m)
        if node_id not in self.mentioned and sentence is not None:
            self.mentioned.add(node_id)
            self.relate(
                "MENTIONED_IN",
                node_id,
                m.label,
                self.document.id,
                "Document",
                {"sentence": sentence, "start": m.start, "end": m.end},
                provenance=False,
            )
        return node_id

    def _node_for(self, m: Mention) -> str:
        node_id = make_id(m.label, m.name)
        node = self.nodes.get(node_id)
        if node is None:
            node = Node(label=m.label, id=node_id, properties=self._props(m))
            self.nodes[node_id] = node
        props = node.properties
        # A back-reference ("the hospital", "Bệnh viện tỉnh") is no name of the hospital: no alias.
        if (
            m.label == "Hospital"
            and not m.ref
            and m.surface
            and m.surface != m.name
            and m.surface not in props["aliases"]
        ):
            props["aliases"].append(m.surface)
            props["search"] = search_key(props["name"], *props["aliases"])
        if m.label == "Person":
            for t in m.props.get("titles", []):
                if t not in props["titles"]:
                    props["titles"].append(t)
        return node_id

    def _props(self, m: Mention) -> dict:
        p = m.props
        if m.label == "Hospital":
            props = {
                "name": m.name,
                "aliases": [],
                "level": p.get("level", "other"),
                "specialties": list(p.get("specialties", [])),
            }
            for key in ("province", "legacy_province"):
                if p.get(key):
                    props[key] = p[key]
        elif m.label == "Person":
            props = {"name": m.name, "titles": list(p.get("titles", []))}
        elif m.label == "Organization":
            props = {"name": m.name, "kind": p.get("kind", "other")}
        elif m.label == "Technique":
            props = {"name": m.name}
            if p.get("specialty"):
                props["specialty"] = p["specialty"]
        elif m.label == "Program":
            props = {"name": m.name, "code": p.get("code", "")}
            if p.get("year"):
                props["year"] = int(p["year"])
        elif m.label == "Province":
            province = province_for(m.name)
            props = province_properties(province) if province else {"name": m.name}
        else:
            props = {"name": m.name}
        props["search"] = search_key(m.name, *props.get("legacy_names", []))
        return props

    def province(self, name: str, m: Mention, sentence: str) -> str | None:
        """The Province node for a 2025 province name, mentioned where `m` is."""
        match = match_province(name)
        if not match:
            return None
        return self.entity(
            Mention("Province", match.province.name, m.start, m.end, m.surface, {}), sentence
        )

    # relationships -----------------------------------------------------------------------------------
    def relate(
        self,
        type_: str,
        start: str,
        start_label: str,
        end: str,
        end_label: str,
        props: dict,
        evidence: str | None = None,
        provenance: bool = True,
        rule: str | None = None,
    ) -> Relationship:
        """Add (or merge into) a relationship; `rule` names the rule that read it (the first one is kept)."""
        props = {k: v for k, v in props.items() if v is not None}
        props.setdefault("rule", rule or _DEFAULT_RULES.get(type_, "extract"))
        if provenance:
            props["sources"] = [self.document.id]
            if evidence is not None:
                props["evidence"] = evidence
                props["source_evidence"] = [source_evidence(self.document.id, evidence)]
        rel = Relationship(
            type=type_,
            start=start,
            start_label=start_label,
            end=end,
            end_label=end_label,
            properties=props,
        )
        known = self.rels.get(rel.key)
        if known is None:
            self.rels[rel.key] = rel
            return rel
        for key in ("kinds",):
            if key in props:
                merged = known.properties.setdefault(key, [])
                merged.extend(k for k in props[key] if k not in merged)
        for key, value in props.items():
            known.properties.setdefault(key, value)
        return known

    def technique(self, m: Mention, sentence: str) -> None:
        """A technique the story names with no transfer: a node of its own (kept unless a longer name holds it)."""
        self.story_techniques.add(self.entity(m, sentence))

    def fact(self, f: Fact) -> None:
        start = self.entity(f.start, f.sentence)
        end = self.entity(f.end, f.sentence)
        props = dict(f.props)
        if f.type == "HAS_TECHNIQUE":
            self.relate(
                "HAS_TECHNIQUE", start, "Hospital", end, "Technique", props, f.sentence, rule=f.rule
            )
            return
        if f.type == "TRANSFERS":
            tech = props.pop("technique_mention")
            tech_id = self.entity(tech, f.sentence)
            props["technique"] = tech_id
            self.relate(
                "TRANSFERS", start, "Hospital", end, "Hospital", props, f.sentence, rule=f.rule
            )
            if props.get("status") == "planned":  # not performed, nor taught yet: no HAS_TECHNIQUE
                return
            has = {"acquired_from": start}
            if props.get("date"):
                has["since"] = props["date"]
            self.relate("HAS_TECHNIQUE", end, "Hospital", tech_id, "Technique", has, f.sentence)
            return
        if f.type == "SUPPORTS" and props.get("program"):
            props["program"] = make_id("Program", props["program"])
        self.relate(f.type, start, f.start.label, end, f.end.label, props, f.sentence, rule=f.rule)

    def agreement(self, a: AgreementFact, programs: list[Mention]) -> None:
        ids = [self.entity(p, a.sentence) for p in a.parties]
        party_key = tuple(sorted(ids))
        if party_key in self.agreement_dates:
            a.date = self.agreement_dates[party_key]
        else:
            self.agreement_dates[party_key] = a.date
        names = " và ".join(p.name for p in a.parties)
        title = f"{_AGREEMENT_TITLES[a.kind]} giữa {names}"
        node_id = make_id("Agreement", " ".join(sorted(ids)) + " " + (a.date or ""))
        if node_id not in self.nodes:
            props = {"title": title, "kind": a.kind, "search": search_key(title)}
            if a.date:
                props["date"] = a.date
            self.nodes[node_id] = Node(label="Agreement", id=node_id, properties=props)
            self.mentioned.add(node_id)
            self.relate(
                "MENTIONED_IN",
                node_id,
                "Agreement",
                self.document.id,
                "Document",
                {"sentence": a.sentence, "start": a.parties[0].start, "end": a.parties[-1].end},
                provenance=False,
            )
        self.agreement_parties.setdefault(node_id, [])
        self.agreement_parties[node_id] += [
            i for i in ids if i not in self.agreement_parties[node_id]
        ]
        for party, pid in zip(a.parties, ids):
            role = "party"
            if a.supporter is not None:
                role = "supporter" if party.name == a.supporter.name else "supported"
            self.relate(
                "PARTY_TO",
                pid,
                party.label,
                node_id,
                "Agreement",
                {"role": role},
                a.sentence,
                rule=a.rule,
            )
            if a.supporter is not None and role == "supported" and party.label == "Hospital":
                self.relate(
                    "SUPPORTS",
                    self.entity(a.supporter),
                    "Hospital",
                    pid,
                    "Hospital",
                    {"kinds": kinds_of(a.sentence) or ["consultation"]},
                    a.sentence,
                    rule="supports.agreement",
                )
        for program in programs:
            self.relate(
                "UNDER",
                node_id,
                "Agreement",
                self.entity(program, a.sentence),
                "Program",
                {},
                a.sentence,
            )

    def signatures(self, signed: list[Fact]) -> None:
        """SIGNED_BY: a person who signed for a unit signed each agreement of this document that unit is party to."""
        for f in signed:
            unit = make_id(f.end.label, f.end.name)
            for agreement, parties in self.agreement_parties.items():
                if unit in parties:
                    person = self.entity(f.start, f.sentence)
                    self.relate(
                        "SIGNED_BY",
                        agreement,
                        "Agreement",
                        person,
                        "Person",
                        {"on_behalf_of": unit},
                        f.sentence,
                    )

    def _drop_shortened_techniques(self) -> None:
        """A headline's "kỹ thuật xạ trị" is the body's "xạ trị điều biến liều": keep the full name only."""
        by_pair: dict[tuple, set[str]] = {}
        for r in self.rels.values():
            if r.type == "TRANSFERS":
                by_pair.setdefault((r.start, r.end), set()).add(r.properties["technique"])
        names = {
            i: self.nodes[i].properties["name"].lower() for ids in by_pair.values() for i in ids
        }
        everything = {
            i: n.properties["name"].lower() for i, n in self.nodes.items() if n.label == "Technique"
        }
        alone = {
            i
            for i in self.story_techniques
            if not any(i != j and everything[i] in other for j, other in everything.items())
        }
        drop: set[tuple] = set()
        for (start, end), ids in by_pair.items():
            for short in ids:
                if any(short != long_ and names[short] in names[long_] for long_ in ids):
                    drop.add((start, end, short))
        for key, r in list(self.rels.items()):
            if r.type == "TRANSFERS" and (r.start, r.end, r.properties["technique"]) in drop:
                del self.rels[key]
        used = {
            r.properties["technique"] for r in self.rels.values() if r.type == "TRANSFERS"
        } | alone
        used |= {
            r.end
            for r in self.rels.values()
            if r.type == "HAS_TECHNIQUE" and "acquired_from" not in r.properties
        }
        for key, r in list(self.rels.items()):
            if r.type == "HAS_TECHNIQUE" and r.end not in used:
                del self.rels[key]
        for node_id in [
            i for i, n in self.nodes.items() if n.label == "Technique" and i not in used
        ]:
            del self.nodes[node_id]
            for key, r in list(self.rels.items()):
                if r.start == node_id:
                    del self.rels[key]

    def extraction(self) -> Extraction:
        self._drop_shortened_techniques()
        programs = [i for i, n in self.nodes.items() if n.label == "Program"]
        if len(programs) == 1:  # the one programme the story is about frames its support
            for r in self.rels.values():
                if r.type == "SUPPORTS":
                    r.properties.setdefault("program", programs[0])
        rels = sorted(self.rels.values(), key=lambda r: r.type == "MENTIONED_IN")
        return Extraction(
            document=self.document, nodes=list(self.nodes.values()), relationships=rels
        )
