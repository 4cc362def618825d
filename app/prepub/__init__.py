"""Prepub: a pre-publication checker for photos and posts."""

__version__ = "0.1.0"
