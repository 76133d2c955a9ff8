"""Scorers and metrics: refusal classification, helpfulness and harmlessness."""
