"""Runs to Pareto frontier: configurations, the embedded model, search and the CLI."""
