# fairmatch: the service on gunicorn. Build: docker build -t fairmatch .
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY setup.cfg pyproject.toml README.md NOTICE ./
COPY service ./service
COPY matching ./matching
COPY schemas ./schemas
RUN pip install . \
    && useradd --create-home --uid 10001 fairmatch \
    && mkdir -p /data/instance \
    && chown -R fairmatch:fairmatch /data

USER fairmatch
# The embedded store lives on a volume; set FAIRMATCH_STORE_URL=redis://... to share one between hosts.
WORKDIR /data
VOLUME ["/data"]
ENV FAIRMATCH_STORE_URL=sqlite:////data/instance/fairmatch.db
EXPOSE 8000

HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
    CMD python -c "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status != 200)"

# FAIRMATCH_SECRET_KEY must be provided at run time; serve refuses to start without it.
ENTRYPOINT ["fairmatch", "serve", "--host", "0.0.0.0", "--port", "8000"]
