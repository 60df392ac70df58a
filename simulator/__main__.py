"""``python -m simulator`` runs the salesim CLI."""

from simulator.cli import main

main()
