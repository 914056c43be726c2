# The hospnet API on Neo4j: `docker compose up` (see docker-compose.yml).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
# Only what the package needs: the build context may hold a virtualenv and data folders.
COPY pyproject.toml README.md ./
COPY hospnet ./hospnet
RUN pip install ".[fast]"

# Run as a plain user; the data folder (ledger, reports, exports) is a volume.
RUN useradd --create-home --uid 10001 hospnet && mkdir -p /data && chown hospnet /data
USER hospnet
ENV HOSPNET_DATA_DIR=/data

EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=5 \
  CMD ["python", "-c", "import urllib.request, sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4).status == 200 else 1)"]
CMD ["hospnet", "serve", "--host", "0.0.0.0", "--port", "8000"]
