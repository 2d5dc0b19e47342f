"""Scorecard exports for HR: files other systems can import (CSV so far)."""
