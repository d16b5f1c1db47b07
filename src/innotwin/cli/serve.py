from __future__ import annotations

from typing import Any

import click

from innotwin.cli.django_setup import setup_django
from innotwin.core.errors import ConfigurationError


def _gunicorn_app(options: dict[str, Any]) -> Any:
    from gunicorn.app.base import BaseApplication

    from innotwin.config.wsgi import application

    class InnotwinServer(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    return InnotwinServer()


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on."
)
@click.option("--workers", type=click.IntRange(1, 64), help="Worker processes [default: INNOTWIN_WORKERS].")
def serve(host: str, port: int, workers: int | None) -> None:
    """Serve the web app and the API with gunicorn, static files through WhiteNoise."""
    setup_django()
    from django.conf import settings
    from django.core.management import call_command

    from innotwin.health import Level, check_database, check_migrations

    for result in (check_database(), check_migrations()):
        if result.level is Level.ERROR:
            raise ConfigurationError(result.message)
    call_command("collectstatic", interactive=False, verbosity=0)
    click.echo(f"innotwin is serving at http://{host}:{port}/ (press Ctrl+C to stop)")
    _gunicorn_app(
        {
            "bind": f"{host}:{port}",
            "workers": workers or settings.CONFIG["workers"],
            "accesslog": "-",
            "errorlog": "-",
            "loglevel": "warning",
            "timeout": 120,
        }
    ).run()
