"""The web UI (`storyline serve`): pages and their JSON twins over a store."""

from storyline.web.app import create_app, serve

__all__ = ["create_app", "serve"]
