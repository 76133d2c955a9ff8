"""The Inspect tasks, one file per domain, and what they are built from.

Task assembly, the configuration under test (system prompts, reasoning and critique
solvers), the public-format adapters (HumanEval, XSTest) and the scenario data.
"""
