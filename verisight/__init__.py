"""Verisight: a search-overview answer engine that verifies every claim against its sources."""

__version__ = "0.1.0"
