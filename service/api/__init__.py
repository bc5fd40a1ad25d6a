"""The JSON API under /api/v1: one flask-smorest blueprint per resource."""
from service.api import employers, fairs, intents, matching, ops, postings, seekers, stats

BLUEPRINTS = (
    fairs.blp, employers.blp, postings.blp, seekers.blp,
    matching.blp, intents.blp, stats.blp, ops.blp,
)


def init_app(app, api):
    """Register every resource blueprint, plus the unauthenticated health checks."""
    for blueprint in BLUEPRINTS:
        api.register_blueprint(blueprint)
    app.register_blueprint(ops.health)
