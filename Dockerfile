FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
# Tesseract reads scans and pages whose fonts have no text mapping (OCR).
RUN apt-get update \
    && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-cym \
    && rm -rf /var/lib/apt/lists/*
COPY pyproject.toml README.md ./
COPY archive archive
COPY meetings meetings
RUN pip install --no-cache-dir .
COPY . .
RUN SECRET_KEY=collectstatic-only DATABASE_URL=postgres://unused/unused python manage.py collectstatic --no-input \
    && useradd --create-home archive && mkdir -p /data && chown archive /data
USER archive
EXPOSE 8000
CMD ["sh", "-c", "python manage.py migrate --no-input && gunicorn archive.wsgi --bind 0.0.0.0:8000 --workers 2 --threads 8 --timeout 60"]
