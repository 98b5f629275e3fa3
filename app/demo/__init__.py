"""Demo data: a believable City of Varkaus to try the app with, loaded by `kokeilu demo-data`."""
