"""Names vulture cannot see used (read by vulture with the code: `bash scripts/check`).

Response-model fields are read by FastAPI's serialiser, dataclass fields by templates and
`dataclasses.asdict`, `run_frame` by notebooks, `__exit__`'s arguments by the `with` statement.
"""

# ruff: noqa: B018, F821

_.curated_by  # api/models.py
_.at_id
_.acquired_from
_.transfers_in
_.transfers_out
_.sources_total
_.planned_by
_.partly
_.gaps_total
_.via
_.chain_ids  # analysis/reachability.py ChainToCentral, in the report's JSON
_.technique_id  # analysis/techniques.py
_.segments  # reports/site.py, read by the document page's template
_.outlet
_.ui  # labels.py, called by the pages' templates
_.sub_units  # extract/gazetteers.py, a field of the gazetteer's JSON records
_.send_400_response  # api/http.py, called by uvicorn's H11Protocol
run_frame  # hospnet.queries, the notebook's entry point (examples/researcher.ipynb)
exc_info  # Neo4jStore.__exit__
_.falkordb  # tests/security/test_hostile_reads.py, an Attack field read by store name
