"""``sovkg completion``: a shell completion script for sovkg's commands and options."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "completion",
        help="print a shell completion script (bash, zsh or tcsh)",
        description="Print a completion script for sovkg's subcommands and options. Bash: "
        "`sovkg completion bash > ~/.local/share/bash-completion/completions/sovkg`; zsh: "
        "`sovkg completion zsh > ~/.zfunc/_sovkg` with ~/.zfunc in fpath.",
    )
    parser.add_argument("shell", choices=("bash", "zsh", "tcsh"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import shtab

    from sovkg.cli import build_parser

    print(shtab.complete(build_parser(), shell=args.shell))
    return 0
