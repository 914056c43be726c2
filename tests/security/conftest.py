from tests.api.conftest import api_settings, client, graph  # noqa: F401 (the API fixtures, reused)
