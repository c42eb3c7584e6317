"""Renderers: records in, text out. The library computes; these only lay records out for a terminal
(``paper``, ``language``, ``contract``); the CLI calls one library function and one renderer."""
