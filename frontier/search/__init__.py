"""The search layer: the space and Problem, the surrogate, the runner and resuming from logs.

It reads the analysis (`frontier.analysis`) to score finished logs; the analysis never
imports it.
"""
