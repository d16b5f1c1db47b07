"""The verbs of missions: set-up, requests, solving, review, publishing, agendas and feeds."""
