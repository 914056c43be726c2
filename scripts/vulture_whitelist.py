"""Names vulture cannot see used: response-model fields read by FastAPI's serialiser, and the like."""
