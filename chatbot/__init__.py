"""A self-screening intake chatbot for addiction care.

The core (spec, dialogs, engine, answers, safety, recommend, summary) imports no Textual
and does no terminal I/O; front ends (console, tui) show Turns and pass text back.
"""

__version__ = "0.1.0"
