"""Exporters of city-pair discovery: the shortlist report as HTML and PDF."""
