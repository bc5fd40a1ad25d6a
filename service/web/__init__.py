"""Server-rendered pages (kiosk, employer booth, dashboard) and file exports."""


def init_app(app):
    """Register the pages with the app (filled in by the pages work)."""
