"""The booth pages and the organizer's setup page. They are static shells: all data comes from the JSON
API, called by the page's script with the same bearer token an integrator uses."""
from flask import Blueprint, current_app, render_template

from . import i18n

bp = Blueprint("web", __name__, template_folder="templates", static_folder="static",
               static_url_path="/static/web")

# Idle seconds before the kiosk clears itself for the next person.
DEFAULT_KIOSK_IDLE_SECONDS = 90
# How often the dashboard asks for fresh figures.
DEFAULT_DASHBOARD_REFRESH_SECONDS = 10
# Kiosks the setup page adds in one go (one request each): a hall's worth.
MAX_KIOSKS_AT_ONCE = 50


@bp.context_processor
def inject_i18n():
    """Make ``t(key)`` and the string table available to every page of this blueprint."""
    return {"t": i18n.text, "i18n_table": i18n.table(),
            "education_levels": i18n.EDUCATION_LEVELS, "job_types": i18n.JOB_TYPES}


@bp.get("/kiosk")
def kiosk():
    """The seeker kiosk."""
    idle = int(current_app.config.get("KIOSK_IDLE_SECONDS", DEFAULT_KIOSK_IDLE_SECONDS))
    return render_template("kiosk.html", idle_seconds=idle)


@bp.get("/employer")
def employer():
    """The employer's booth."""
    return render_template("employer.html")


@bp.get("/dashboard")
def dashboard():
    """The organizer's live dashboard."""
    refresh = int(current_app.config.get("DASHBOARD_REFRESH_SECONDS", DEFAULT_DASHBOARD_REFRESH_SECONDS))
    return render_template("dashboard.html", refresh_seconds=refresh)


@bp.get("/setup")
def setup():
    """The organizer's setup: fairs, employers, kiosks and their tokens."""
    return render_template("setup.html", max_kiosks_at_once=MAX_KIOSKS_AT_ONCE)
