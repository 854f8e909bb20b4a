"""Command-line interface: one module per command, all on the typer app in ``rasd.cli.app``."""
