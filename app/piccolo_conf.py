"""Piccolo's configuration module: the engine and the one app with all tables."""

from piccolo.conf.apps import AppRegistry

from app.db import create_engine
from app.settings import get_settings

DB = create_engine(get_settings().resolved_database_url)

APP_REGISTRY = AppRegistry(apps=["app.piccolo_app"])
