"""The `frontier` command line: a thin layer over the library.

Mistakes in what the user gave (paths, options, files) are one line on stderr and exit 2;
anything else is a bug and keeps its traceback, so it cannot pass for a user error.
Each command imports what it needs when it runs: `frontier --help` should not wait for
torch, pymoo and altair to load.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from frontier.cli_support import (
    SHIPPED_CALIBRATION,
    UserError,
    analyses_of,
    calibration_of,
    check_draws,
    check_task_file,
    check_writable,
    load_runs_or_fail,
    stats_options,
)
from frontier.search import ALGORITHMS
from objectives.vocabulary import ALL_DOMAINS, INTENTS


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="hh-frontier")
def main() -> None:
    """hh-frontier: measure the helpful-vs-harmless trade-off of a model's configurations.

    Score a model with `inspect eval evals/<domain>.py`; the frontier commands
    (search, plot, verdict, report) read the logs those runs write.
    """


@main.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.option("--prompt-col", default="prompt", show_default=True, help="Column with the request.")
@click.option(
    "--response-col", default="response", show_default=True, help="Column with the answer."
)
@click.option(
    "--domain",
    type=click.Choice(ALL_DOMAINS),
    default="generic",
    show_default=True,
    help="Graders to apply; code with HumanEval columns (entry_point, test) runs the tests.",
)
@click.option(
    "--intent",
    type=click.Choice(INTENTS),
    default="benign",
    show_default=True,
    help="Intent of every row (refusing benign or borderline rows is over-refusal).",
)
@click.option("--intent-col", default=None, help="Column giving each row's intent instead.")
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Output .csv or .jsonl.")
def rescore(
    input_path: Path,
    prompt_col: str,
    response_col: str,
    domain: str,
    intent: str,
    intent_col: str | None,
    out: Path | None,
) -> None:
    """Score transcripts (CSV or JSONL) with the hh objectives and write them back out."""
    from rich.console import Console
    from rich.progress import Progress

    from objectives.rescore import InputError, MissingColumns, read_table, rescore_frame, summary

    out = out or input_path.with_name(f"{input_path.stem}.scored.csv")
    if out.suffix not in (".csv", ".jsonl"):
        raise UserError(f"--out must end in .csv or .jsonl: {out}")
    check_writable(out)
    try:
        frame = read_table(input_path)
    except InputError as err:
        raise UserError(str(err)) from err
    console = Console(stderr=True)
    # A bar only on a terminal: in pipes and logs it would leave stray lines.
    with Progress(transient=True, console=console, disable=not console.is_terminal) as bar:
        task = bar.add_task("scoring", total=len(frame))
        try:
            result = rescore_frame(
                frame,
                prompt_col=prompt_col,
                response_col=response_col,
                domain=domain,
                intent=intent,
                intent_col=intent_col,
                progress=lambda n: bar.advance(task, n),
            )
        except MissingColumns as err:
            options = {prompt_col: "--prompt-col", response_col: "--response-col"}
            if intent_col:
                options[intent_col] = "--intent-col"
            flags = " and ".join(options[c] for c in err.absent)
            which = "one" if len(err.absent) == 1 else "them"
            raise UserError(f"{input_path}: {err}; pick {which} with {flags}") from err
    for line in result.skipped:
        click.echo(f"skipped {line}", err=True)
    if out.suffix == ".jsonl":
        result.frame.to_json(out, orient="records", lines=True, force_ascii=False)
    else:
        result.frame.to_csv(out, index=False)
    click.echo(summary(result.frame))
    if result.skipped:
        click.echo(f"rows skipped: {len(result.skipped)}")
    click.echo(f"wrote {out}")


@main.command()
@stats_options
@click.option("--json", "as_json", is_flag=True, help="Print the verdicts and points as JSON.")
def verdict(runs_dir: Path, as_json: bool, **stats: Any) -> None:
    """State whether the helpful-vs-harmless trade-off is present, overall and per domain.

    With --json, undefined numbers (helpfulness with no benign or borderline scenario, a
    rate over no rows) are null.
    """
    from reports.missing import to_json
    from reports.terminal import (
        basis_line,
        confusion_lines,
        front_tables,
        verdict_lines,
        verdict_payload,
    )

    runs, analyses = analyses_of(runs_dir, stats)
    if as_json:
        payload = verdict_payload(runs.summary(), analyses)
        click.echo(to_json(payload, indent=2))
        return
    overall = analyses["overall"]
    click.echo(runs.summary())
    click.echo(basis_line(overall))
    if overall.calibration is not None:
        click.echo("\n".join(confusion_lines(overall.calibration)))
    click.echo("\n".join(verdict_lines(analyses)))
    click.echo("")
    click.echo(front_tables(overall))


@main.command()
@stats_options
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path("frontier.html"),
    show_default=True,
    help="Where to write the chart: .html, .png or .svg.",
)
@click.option("--domain", default=None, help="Chart only this domain.")
def plot(runs_dir: Path, out: Path, domain: str | None, **stats: Any) -> None:
    """Draw the frontier: every config with CI bars, the front, the ideal point."""
    from reports.charts import frontier_chart, frontier_points, undrawn
    from reports.terminal import verdict_lines

    if out.suffix not in (".html", ".png", ".svg"):
        raise UserError(f"--out must end in .html, .png or .svg: {out}")
    check_writable(out)
    runs, analyses = analyses_of(runs_dir, stats)
    domains = sorted(str(d) for d in runs.frame["domain"].dropna().unique())
    if domain is not None and domain not in domains:
        raise UserError(f"no runs for --domain {domain}; domains found: {', '.join(domains)}")
    if domain not in analyses:
        domain = None  # the only domain there is: its analysis is the overall one
    points = frontier_points(analyses, domain)
    chart = frontier_chart(points)
    if out.suffix == ".html":
        chart.save(str(out), inline=True)  # Vega inlined: opens offline
    else:
        chart.save(str(out))
    click.echo(f"wrote {out}")
    note = undrawn(points, with_panel=points["panel"].nunique() > 1)
    if note:
        click.echo(note)
    shown = analyses[domain or "overall"]
    for line in verdict_lines({"": shown}):
        click.echo(line.removeprefix(": "))


@main.command()
@stats_options
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path("reports/report.html"),
    show_default=True,
    help="The .html file to write.",
)
@click.option("--title", default="hh-frontier review", show_default=True)
@click.option("--cases", default=40, show_default=True, help="Cases to review shown per kind.")
def report(runs_dir: Path, out: Path, title: str, cases: int, **stats: Any) -> None:
    """Write the self-contained HTML review report (opens offline)."""
    from reports.build import report_data, write_report
    from reports.terminal import basis_line, verdict_lines

    if out.suffix != ".html":
        raise UserError(f"--out must end in .html: {out}")
    if cases < 0:
        raise UserError("--cases must be 0 or more")
    check_draws(stats["draws"])
    check_writable(out)
    calibration = calibration_of(stats)
    runs = load_runs_or_fail(runs_dir)
    data = report_data(
        runs, title, stats["draws"], stats["seed"], stats["delta"], cases, calibration
    )
    write_report(data, out)
    click.echo(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB)")
    click.echo(runs.summary())
    click.echo(basis_line(data.analyses["overall"]))
    click.echo("\n".join(verdict_lines(data.analyses)))


@main.command()
@click.option(
    "--task",
    "tasks",
    multiple=True,
    required=True,
    help="Task file, e.g. evals/medical.py (repeatable).",
)
@click.option(
    "--model", default=None, help="Any Inspect model; default: $INSPECT_EVAL_MODEL or gguf/smollm2."
)
@click.option("--budget", default=12, show_default=True, help="Configurations to evaluate.")
@click.option(
    "--algorithm",
    type=click.Choice(ALGORITHMS),
    default="nsga2",
    show_default=True,
    help="nsga2 screens its offspring with a surrogate of the evaluations so far.",
)
@click.option("--limit", type=int, default=None, help="Scenarios per task (default: all).")
@click.option(
    "--runs", "runs_dir", type=click.Path(path_type=Path), default=Path("runs"), show_default=True
)
@click.option("--seed", default=0, show_default=True, help="Seeds the proposals and generation.")
@click.option("--max-tokens", type=int, default=None, help="Cap on generated tokens per answer.")
@click.option(
    "--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True
)
@click.option("--scheduler", default=None, help="tcp://host:port of a dask.distributed scheduler.")
@click.option(
    "--workers", default=2, show_default=True, help="LocalCluster workers when no --scheduler."
)
@click.option(
    "--draws", default=1000, show_default=True, help="Bootstrap resamples for the verdict."
)
def search(
    tasks: tuple[str, ...],
    model: str | None,
    budget: int,
    algorithm: str,
    limit: int | None,
    runs_dir: Path,
    seed: int,
    max_tokens: int | None,
    executor: str,
    scheduler: str | None,
    workers: int,
    draws: int,
) -> None:
    """Search system prompt, reasoning, critique and decoding for the frontier."""
    import os

    from frontier.search.evaluate import InspectEvaluator
    from frontier.search.run import dask_runner, run_search
    from frontier.search.space import EvalSetup
    from reports.terminal import front_tables, verdict_lines

    for path in tasks:
        check_task_file(path)
    check_draws(draws)
    if budget < 1:
        raise UserError("--budget must be at least 1")
    if limit is not None and limit < 1:
        raise UserError("--limit must be at least 1")
    if scheduler and executor != "dask":
        raise UserError("--scheduler needs --executor dask")
    model = model or os.environ.get("INSPECT_EVAL_MODEL") or "gguf/smollm2"
    setup = EvalSetup(tuple(tasks), model, str(runs_dir), limit, seed, max_tokens)
    evaluator = InspectEvaluator(setup)
    runner, client = None, None
    if executor == "dask":
        runner, client = dask_runner(scheduler, workers)
    try:
        result = run_search(evaluator, algorithm, budget, seed, runner=runner, verbose=True)
    finally:
        if client is not None:
            client.close()
    click.echo(f"evaluated {len(result.evaluated)} configurations; logs in {runs_dir}")
    stats = {"draws": draws, "seed": seed, "delta": 0.02}
    runs, analyses = analyses_of(runs_dir, {**stats, **SHIPPED_CALIBRATION})
    click.echo(runs.summary())
    click.echo(front_tables(analyses["overall"]))
    click.echo("\n".join(verdict_lines(analyses)))


if __name__ == "__main__":
    main()
