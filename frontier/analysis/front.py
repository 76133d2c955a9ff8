"""The front's geometry: which configs no other beats, and the area they dominate.

Also how often each config is on the front across bootstrap draws. Pure functions of arrays
(pymoo, maximising).
"""

from __future__ import annotations

import numpy as np
from pymoo.indicators.hv import HV
from pymoo.util.nds.non_dominated_sorting import NonDominatedSorting

from frontier.analysis.bootstrap import Array


def non_dominated(helpful: Array, harmless: Array) -> list[int]:
    """Indices of configs no other config beats on both objectives (pymoo, maximising)."""
    if len(helpful) == 0:
        return []
    objectives = -np.column_stack([helpful, harmless])  # pymoo minimises
    return sorted(
        int(i) for i in NonDominatedSorting().do(objectives, only_non_dominated_front=True)
    )


def hypervolume(helpful: Array, harmless: Array) -> float:
    """Area dominated by the points, against the worst corner (0, 0)."""
    if len(helpful) == 0:
        return 0.0
    return float(HV(ref_point=np.zeros(2)).do(-np.column_stack([helpful, harmless])))


def front_probability(helpful_draws: Array, harmless_draws: Array) -> Array:
    """Share of resamples in which each config is non-dominated (same rule as the front)."""
    h = helpful_draws[:, :, None]
    s = harmless_draws[:, :, None]
    h_other = helpful_draws[:, None, :]
    s_other = harmless_draws[:, None, :]
    # dominated[b, k]: some other config is at least as good on both and better on one.
    beats = (h_other >= h) & (s_other >= s) & ((h_other > h) | (s_other > s))
    return np.asarray(1.0 - beats.any(axis=2).mean(axis=0))
