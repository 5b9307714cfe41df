"""kg-builder: a knowledge-graph builder for news text, Arabic first.

``import kg`` is light: stanza, torch, pyvis and HTTP clients load only when used.
"""

__version__ = "0.1.0"
