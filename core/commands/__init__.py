"""The subcommands of ``sovkg``, one module each.

Each module has ``register(subparsers)`` adding its parser with ``set_defaults(run=…)``;
``run(args) -> int`` is a thin wrapper over a library function that notebooks can call
directly. Modules import their heavy dependencies inside ``run`` so ``--help`` is fast.
"""

#: Subcommand modules, in the order ``sovkg --help`` lists them.
COMMANDS: tuple[str, ...] = ("build", "evaluate", "view", "analyze", "queries", "query", "serve", "push", "export", "completion")
