"""Presenter mode: the deck (data/decks/filmart.toml; ?deck=NAME for another), one slide full
screen (?slide=N), keys to move, L for the next language, F for full screen, D for the handouts."""

from filmdash.presenter import screen

screen.run_deck()
