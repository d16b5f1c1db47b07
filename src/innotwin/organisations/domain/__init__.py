"""Every write of the ecosystem registry, one verb per module; each writes its own audit log entry."""
