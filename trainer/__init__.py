"""Teller trainer: practise calming upset bank customers."""

__version__ = "0.1.0"
