# syntax=docker/dockerfile:1.7
# check=error=true

# initguard ignore=IG101
ARG GO_VERSION=1.23
FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS build
WORKDIR /src
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=bind,source=go.mod,target=go.mod \
    # download first, for caching
    go mod download
COPY <<EOF /src/version.txt
1.0.0
EOF
RUN <<-SCRIPT bash
	set -eu
	go build -o /out/app ./cmd/app
	SCRIPT

FROM alpine:3.20 AS runtime
RUN apk add --no-cache tini
COPY --from=build --chmod=755 /out/app /usr/local/bin/app
USER 65534:65534
EXPOSE 8080
HEALTHCHECK --interval=30s CMD ["wget", "-q", "-O-", "http://localhost:8080/health"]
STOPSIGNAL SIGTERM
ONBUILD COPY . /app
ENTRYPOINT ["/sbin/tini", "--"]
CMD ["app", "serve"]
