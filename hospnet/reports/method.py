"""The report's method note: how every figure is made, in the words the report prints."""

METHOD = [
    "Source: the hospnet graph, read once from the store; every figure below comes from the analyses in hospnet.analysis.",
    "A province receives support through a SUPPORTS relationship to its Province node, a SUPPORTS to a hospital or "
    "organisation located in it, or a TRANSFERS (technique transfer) to a hospital located in it.",
    "Covered: a central hospital supports the province with some kind of support other than epidemic response "
    "(or with no kind stated, or by a technique transfer), or a central hospital is located in it. "
    "Partly: only epidemic-response support from central hospitals, or only support from non-central hospitals of other provinces. "
    "Uncovered: neither; support between hospitals of the same province does not count.",
    "Pre-2025 provinces (--legacy): a hospital counts for its legacy_province (its province when none is recorded); "
    "support sent to a 2025 Province node counts for every pre-2025 province merged into it.",
    "Chains: one step up goes from a hospital to its supporter (SUPPORTS followed backwards) or to the hospital it refers "
    "patients to (REFERS_TO); the shortest chain from each district and provincial hospital to any central hospital is shown.",
    "Critical supporters: the report removes each supporter's support in turn and lists the provinces whose status drops. "
    "Weak points: articulation points and bridges of the undirected SUPPORTS graph.",
    "Betweenness: on the SUPPORTS graph only, normalised; exact up to 400 nodes, estimated from 200 sampled pivots above.",
    "Distances: great-circle km from the province centre to the nearest central hospital supporting it; a hospital "
    "sits at its own coordinates when the graph has them, else at its province's centre.",
    "Technique gaps: a province performs a technique when one of its hospitals has it (HAS_TECHNIQUE) or received it by "
    "a transfer under way or done; planned transfers do not count yet.",
    "The graph holds what the documents say: a province marked uncovered may be supported in ways no document read mentions.",
]
