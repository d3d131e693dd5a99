# Switchyard gateway image. Checked without Docker by scripts/check-dockerfile.
#   docker build -t switchyard .
#   docker run --rm -p 8080:8080 -e SWITCHYARD_CLIENT_KEY=secret switchyard   # default config: embedded Google emulator
#   docker run --rm -p 8080:8080 -e SWITCHYARD_CLIENT_KEY=secret -v $PWD/my.yaml:/app/config/switchyard.yaml:ro switchyard
# The server listens on 0.0.0.0 here, which it allows only with client keys: SWITCHYARD_CLIENT_KEY is the key clients
# send (x-goog-api-key, or Authorization: Bearer on the OpenAI surface).

# ---- build stage: Swift toolchain plus the C libraries Switchyard links ----
FROM swift:6.2-bookworm AS build
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libcurl4-openssl-dev libssl-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Resolve dependencies in their own layer so source edits do not refetch them.
COPY Package.swift ./
RUN mkdir -p Sources && swift package resolve
COPY Sources ./Sources
# The manifest declares the test targets too; SwiftPM refuses a package whose target directories are missing.
COPY Tests ./Tests
RUN swift build -c release --product switchyard --static-swift-stdlib \
    && mkdir -p /out \
    && cp "$(swift build -c release --show-bin-path)/switchyard" /out/switchyard

# ---- runtime stage: slim Debian with only the shared libraries the binary needs ----
FROM debian:bookworm-slim
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libcurl4 libssl3 ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --create-home --home-dir /app switchyard
WORKDIR /app
COPY --from=build /out/switchyard /usr/local/bin/switchyard
COPY config ./config
COPY Providers ./Providers
USER switchyard
ENV SWITCHYARD_HOST=0.0.0.0
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
    CMD ["switchyard", "health", "--url", "http://127.0.0.1:8080/healthz"]
ENTRYPOINT ["switchyard", "serve"]
CMD ["--config", "/app/config/switchyard.yaml"]
