"""The analysis layer: Inspect logs -> tidy table -> bootstrap -> Pareto front -> verdict."""
