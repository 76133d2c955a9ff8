"""The search layer: the space and Problem, the surrogate, the runner and resuming from logs.

It reads the analysis (`frontier.analysis`) to score finished logs; the analysis never
imports it.
"""

from typing import Literal, get_args

# The algorithms `frontier search --algorithm` offers (here, so the CLI names them without
# loading pymoo).
Algorithm = Literal["nsga2", "random", "grid"]
ALGORITHMS: tuple[Algorithm, ...] = get_args(Algorithm)
