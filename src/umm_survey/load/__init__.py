"""Load: YAML with positions, the vocabularies, the bibliography, triage decisions and fetched metadata. Nothing here checks across files or touches the network."""
