"""Delegations, trade missions and events: venues, slot grids, participants, meeting requests, optimised
1:1 schedules (``innotwin.core.scheduling``), review, publishing, personal agendas and calendar feeds."""
