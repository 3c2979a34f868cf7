"""Commands that look after a data directory: status, doctor, reviewer accounts, the answer log, audit export."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from verisight.answers import AnswerStore
from verisight.cli.output import err, out_json
from verisight.cli.registry import command, data_argument
from verisight.engine import Engine
from verisight.errors import BadQuery
from verisight.reviewers import ReviewerStore
from verisight.settings import Settings


def plain(value: Any) -> str:
    """A status value as words: ``done 12, queued 0`` for a mapping, never a Python dict."""
    if isinstance(value, dict):
        if not value:
            return "none"
        return ", ".join(f"{k} {plain(v)}" if not isinstance(v, dict) else f"{k}: {plain(v)}" for k, v in value.items())
    return str(value)


def _json_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print JSON on stdout")


@command("status", "what is stored", _json_arg)
def status_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight status"""
    status = Engine(settings).status()
    if args.json:
        out_json(status)
        return 0
    for key, value in status.items():
        if isinstance(value, dict) and value and all(isinstance(v, dict) for v in value.values()):
            for sub, inner in value.items():
                print(f"{key} {sub}: {plain(inner)}")
        else:
            print(f"{key}: {plain(value)}")
    return 0


@command("doctor", "check every backend, model file and store, and print the fix for anything missing", data="none")
def doctor_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight doctor"""
    from verisight.doctor import run_checks

    failed = 0
    for check in run_checks(settings):
        mark = "ok  " if check.ok else "FAIL"
        print(f"[{mark}] {check.name}: {check.detail}")
        if not check.ok:
            failed += 1
            print(f"       fix: {check.fix}")
    print(f"{failed} problem(s) found" if failed else "everything is in place")
    return 1 if failed else 0


def _reviewer_args(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = sub.add_parser("add", help="create an account and print its token once")
    add.add_argument("name")
    add.add_argument("--password", help="also allow signing in with this password (the token always works)")
    add.add_argument("--rotate", action="store_true", help="if the account exists, give it a new token instead")
    sub.add_parser("list", help="the accounts, one a line").add_argument("--json", action="store_true")
    remove = sub.add_parser("remove", help="delete an account (its token and password stop working)")
    remove.add_argument("name")
    rotate = sub.add_parser("rotate", help="a new token for an account; the old one stops working")
    rotate.add_argument("name")
    rotate.add_argument("--password", help="also set a new password")
    for action in sub.choices.values():
        data_argument(action, nested=True)


@command("reviewer", "manage reviewer accounts: add NAME, list, remove NAME, rotate NAME", _reviewer_args,
         data="create")
def reviewer_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight reviewer add|list|remove|rotate"""
    if args.action != "add" and not settings.answers_db.exists():
        raise BadQuery(f"no reviewer accounts in {settings.data_dir} yet: `verisight reviewer add NAME` creates one")
    store = ReviewerStore(settings.answers_db)
    try:
        if args.action == "list":
            accounts = store.list()
            if args.json:
                out_json(accounts)
            for a in [] if args.json else accounts:
                print(f"{a['name']}\tcreated {a['created_at']}\t{'password and token' if a['password'] else 'token'}")
            if not accounts and not args.json:
                err(f"no reviewer accounts in {settings.data_dir}")
            return 0
        if args.action == "remove":
            store.remove(args.name)
            err(f"reviewer {args.name} removed from {settings.data_dir}; their token and password no longer work")
            return 0
        if args.action == "rotate":
            token = store.rotate(args.name, password=args.password)
            err(f"reviewer {args.name}: new token (the old one no longer works), shown once:")
        else:
            existed = store.exists(args.name)
            token = store.add(args.name, password=args.password, rotate=args.rotate)
            verb = "has a new token (the old one no longer works)" if existed else f"added to {settings.data_dir}"
            err(f"reviewer {args.name} {verb}; sign in at /audit with this token"
                f"{' or the password' if args.password else ''}. It is shown once:")
        print(token)
        return 0
    finally:
        store.close()


def _answers_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", choices=("prune",))
    p.add_argument("--older-than", type=float, default=30.0, metavar="DAYS",
                   help="delete answers older than DAYS (default 30); reviewer decisions are kept")


@command("answers", "the answer log", _answers_args)
def answers_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight answers prune --older-than DAYS"""
    if args.older_than < 0:
        raise BadQuery("--older-than must be zero or more days")
    store = AnswerStore(settings.answers_db)
    removed = store.prune(older_than_days=args.older_than)
    store.close()
    err(f"answers prune: removed {removed} answer(s) older than {args.older_than:g} day(s)")
    return 0


def _audit_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", choices=("export",))
    p.add_argument("--out", default="-")


@command("audit", "audit queue tools", _audit_args)
def audit_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight audit export"""
    store = AnswerStore(settings.answers_db)
    rows = store.export_decisions()
    store.close()
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if args.out == "-":
        sys.stdout.write(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")
        err(f"audit export: {len(rows)} decision(s) written to {args.out}")
    return 0
