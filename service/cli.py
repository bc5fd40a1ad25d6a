"""The ``fairmatch`` command: serve, create-organizer, demo."""
from __future__ import annotations

import argparse
import os
import sys

from marshmallow import ValidationError

from schemas.base import short_text
from service.store.base import StoreUnavailable
from service.config import ENV_PREFIX, ConfigError
from service.server import DEFAULT_HOST, DEFAULT_PORT, FairmatchServer, default_threads, server_options


def _serve(app, args) -> int:
    threads = args.threads or default_threads(app.config["STORE_URL"])
    options = server_options(host=args.host, port=args.port, workers=args.workers, threads=threads,
                             access_log=args.access_log)
    FairmatchServer(app, options).run()
    return 0


def cmd_serve(args) -> int:
    """Run the service on gunicorn; refuses to start without a secret key."""
    if not os.environ.get(ENV_PREFIX + "SECRET_KEY"):
        print(f"error: {ENV_PREFIX}SECRET_KEY is not set; tokens are hashed with it, so set a long "
              f"random value (e.g. `python -c 'import secrets; print(secrets.token_hex(32))'`).",
              file=sys.stderr)
        return 2
    from service import create_app

    return _serve(create_app(), args)


def _organizer_name(value: str) -> str:
    """An organizer's name, checked as the API checks an employer's (argparse reports the error)."""
    try:
        return short_text().deserialize(value.strip())
    except ValidationError as error:
        raise argparse.ArgumentTypeError(" ".join(error.messages)) from None


def cmd_create_organizer(args) -> int:
    """Create an organizer in the configured store and print its token alone on the last line."""
    from service import create_app, domain
    from service.context import close_resources, get_store, now

    app = create_app()
    with app.app_context():
        organizer, token = domain.create_organizer(
            get_store(), args.name, secret_key=app.config["SECRET_KEY"], now=now()
        )
    close_resources(app)
    print(f"Organizer {organizer['id']} ({organizer['name']}) created. Its token, shown only this once:")
    print(token)
    return 0


def cmd_demo(args) -> int:
    """Build a demo fair on a fresh SQLite file, print tokens and URLs, then serve it."""
    from service import demo

    app, summary = demo.build(instance_dir=os.path.join(os.getcwd(), "instance"))
    print(demo.describe(summary, host=args.host, port=args.port))
    sys.stdout.flush()
    return _serve(app, args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fairmatch", description="Job-fair matching service.",
        epilog=f"Configuration: {ENV_PREFIX}STORE_URL, {ENV_PREFIX}SECRET_KEY, "
               f"{ENV_PREFIX}MAX_BODY_BYTES, {ENV_PREFIX}TIMEZONE.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the service on gunicorn")
    serve.add_argument("--host", default=DEFAULT_HOST)
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument("--workers", type=int, help="worker processes (default: CPU cores)")
    serve.add_argument("--threads", type=int, help="threads per worker (default: 32 on Redis, 8 on SQLite)")
    serve.add_argument("--access-log", action="store_true", help="log every request to stdout")
    serve.set_defaults(handler=cmd_serve)

    organizer = commands.add_parser("create-organizer", help="create an organizer and print its token")
    organizer.add_argument("name", type=_organizer_name)
    organizer.set_defaults(handler=cmd_create_organizer)

    demo = commands.add_parser("demo", help="serve a demo fair with realistic data on a fresh SQLite file")
    demo.add_argument("--host", default=DEFAULT_HOST)
    demo.add_argument("--port", type=int, default=DEFAULT_PORT)
    demo.add_argument("--workers", type=int, default=2)
    demo.add_argument("--threads", type=int, help="threads per worker (default: 8)")
    demo.add_argument("--access-log", action="store_true", help="log every request to stdout")
    demo.set_defaults(handler=cmd_demo)
    return parser


def main(argv=None) -> int:
    """Entry point of the ``fairmatch`` console script."""
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except StoreUnavailable as error:
        print(f"error: the store cannot be reached or cannot write now, try again ({error})", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
