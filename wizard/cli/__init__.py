"""The `sbq-setup` command line: one module per subcommand, wired together in `main.py`."""
