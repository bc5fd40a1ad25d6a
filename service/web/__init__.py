"""Server-rendered pages (kiosk, employer booth, dashboard) and file exports/imports."""
from . import pages


def init_app(app):
    """Register the pages (and, under /api/v1, the export and import endpoints)."""
    app.register_blueprint(pages.bp)
