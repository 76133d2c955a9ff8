"""The `frontier` command line: a thin layer over the library."""

from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="hh-frontier")
def main() -> None:
    """hh-frontier: measure the helpful-vs-harmless trade-off of a model's configurations.

    Score a model with `inspect eval evals/<domain>.py`; the frontier commands
    (search, plot, verdict, report) read the logs those runs write.
    """


if __name__ == "__main__":
    main()
