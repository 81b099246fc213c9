"""`frontlines user add`: accounts of the workbench, a thin command over `frontlines.accounts`."""

from __future__ import annotations

import sys

import click

from frontlines import api
from frontlines.model import ROLES


@click.group(name="user")
def user_group() -> None:
    """Accounts of the workbench (`frontlines serve`): viewers read, analysts and admins also review.

    \b
    Example:
      frontlines user add alice --role analyst
    """


@user_group.command(name="add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), default="viewer", show_default=True, help="What the account may do.")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of standard input (scripts).")
@click.pass_context
def add_command(ctx: click.Context, name: str, role: str, password_stdin: bool) -> None:
    """Add an account; the password is asked twice (not echoed) and stored only as an argon2 hash.

    \b
    Example:
      frontlines --db frontlines-demo/frontlines.db user add alice --role analyst
      printf '%s\\n' "$PASSWORD" | frontlines user add bot --role viewer --password-stdin
    """
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    from frontlines.accounts import add_user  # argon2 and SQLAlchemy, only when the command runs

    with api.open_store(ctx.obj["db"]) as store:
        added = add_user(store, name, password, role)
    click.echo(f"user {added.name} ({added.role})")
