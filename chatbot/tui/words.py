"""The app's own words come from the dialog's locale (`interface:` in dialogs/language/<locale>.yaml).

Screens get the lookup in their constructors (`ui("key_back")`, `ui("ticked", names=...)`).
Key bindings name a word as their description ("key_back"); `localize` puts the words in
when a node is made, so the footer shows them. Textual keeps each node's bindings in the
private `_bindings` map (its public BindingsMap type, one copy per node); there is no public
way to change a description after a class is defined.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from textual.dom import DOMNode

Words = Callable[..., str]


def localize(node: DOMNode, ui: Words) -> None:
    """Replace binding descriptions that name a word ("key_...") with the word."""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [replace(b, description=ui(b.description)) if b.description.startswith("key_") else b
                      for b in bindings]
