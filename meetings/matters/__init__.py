"""Matters: the agenda items, reports and decisions, across meetings and bodies, that are
one piece of business. `clues` reads the evidence from text (no Django); `linking` files
each new step under a matter and records why."""
