"""Server-rendered pages (kiosk, employer booth, dashboard) and file exports/imports."""
from . import exports, pages


def init_app(app):
    """Register the pages, and the export and import endpoints with the app's API (for the spec)."""
    app.register_blueprint(pages.bp)
    api = app.extensions["flask-smorest"]["apis"][""]["ext_obj"]
    api.register_blueprint(exports.blp)
