"""City-pair discovery verbs: build the engine's input from the atlas, rank, explain, propose."""
