"""The commands of ``python -m network``, one module per topic; :mod:`network.cli` parses and dispatches.

- :mod:`.common`: where the data is, loading it, naming actors, printing text or JSON;
- :mod:`.explore`: reading the map (focus, path, rank, coalitions, asks, stance, grid);
- :mod:`.exports`: writing a view out (export);
- :mod:`.upkeep`: looking after the data (validate, verify, layout, diff, settings).

``intake`` lives with the intake itself (:mod:`network.intake.command`).
"""
