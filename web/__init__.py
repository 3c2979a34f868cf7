"""The web layer: a Flask app over the Engine (search page, JSON API, audit view, operations routes)."""
