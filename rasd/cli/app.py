"""The one typer app every command module registers on."""

import typer

app = typer.Typer(
    name="rasd",
    help="rasd: Arabic and English conflict reports to ACLED-coded, geocoded, sourced events.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
