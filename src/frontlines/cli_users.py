"""`frontlines user add, list, role, password, remove`: accounts of the workbench, a thin command over `frontlines.accounts`."""

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


@user_group.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line: name, role, created_at.")
@click.pass_context
def list_command(ctx: click.Context, as_json: bool) -> None:
    """The accounts, by name, with their roles.

    \b
    Example:
      frontlines user list
    """
    import json

    from frontlines.accounts import accounts

    with api.open_store(ctx.obj["db"], must_exist=True) as store:
        found = accounts(store)
    for account in found:
        if as_json:
            click.echo(json.dumps({"name": account.name, "role": account.role, "created_at": account.created_at.isoformat()}))
        else:
            click.echo(f"{account.name}\t{account.role}\t{account.created_at:%Y-%m-%d}")
    if not found and not as_json:
        click.echo("no accounts yet: `frontlines user add NAME --role admin` makes the first", err=True)


@user_group.command(name="role")
@click.argument("name")
@click.argument("role", type=click.Choice(ROLES))
@click.pass_context
def role_command(ctx: click.Context, name: str, role: str) -> None:
    """Give an account another role (the last admin stays an admin).

    \b
    Example:
      frontlines user role alice admin
    """
    from frontlines.accounts import set_role

    with api.open_store(ctx.obj["db"], must_exist=True) as store:
        changed = set_role(store, name, role)
    click.echo(f"user {changed.name} ({changed.role})")


@user_group.command(name="password")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the new password from the first line of standard input (scripts).")
@click.pass_context
def password_command(ctx: click.Context, name: str, password_stdin: bool) -> None:
    """Give an account a new password (asked twice, not echoed).

    \b
    Example:
      frontlines user password alice
    """
    password = sys.stdin.readline().rstrip("\r\n") if password_stdin else click.prompt("New password", hide_input=True, confirmation_prompt=True)
    from frontlines.accounts import set_password

    with api.open_store(ctx.obj["db"], must_exist=True) as store:
        set_password(store, name, password)
    click.echo(f"user {name}: password changed")


@user_group.command(name="remove")
@click.argument("name")
@click.pass_context
def remove_command(ctx: click.Context, name: str) -> None:
    """Remove an account; its verdicts and comments stay under its name (the last admin stays).

    \b
    Example:
      frontlines user remove bob
    """
    from frontlines.accounts import remove_user

    with api.open_store(ctx.obj["db"], must_exist=True) as store:
        remove_user(store, name)
    click.echo(f"user {name} removed")
