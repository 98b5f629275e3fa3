"""Kokeilu: a city's employees log small customer-centric experiments, and the organisation learns."""

import os

# Piccolo finds its engine and tables through this module, whoever imports the app first.
os.environ.setdefault("PICCOLO_CONF", "app.piccolo_conf")
