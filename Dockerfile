# stepup's image: the one the GitHub Action runs when no stepup is on PATH
# (scripts/action/stepup-action.sh) and the one docs/ci/ offers for GitLab.
#
#   docker build -t stepup .
#   docker run --rm -u "$(id -u):$(id -g)" -v "$PWD:$PWD" -w "$PWD" stepup scan .
#
# Two stages. The first builds stepup's .deb on Debian 12 with the same
# script and CMake target as a laptop (scripts/install-deps.sh, then
# `--target package`: docs/install.md). The second is a slim Debian 12 that
# installs that .deb, so the image's runtime dependencies are the package's
# (libclang, its resource headers, SQLite...) plus:
#   git            history, churn and patch mode;
#   gcovr, g++     --coverage-build (gcovr runs gcov, which comes with gcc),
#                  and the C and C++ standard headers libclang parses against;
#   EXTRA_PACKAGES the -dev packages whose headers the scanned code includes
#                  (docker build --build-arg EXTRA_PACKAGES="libssl-dev ...").
#
# It runs as the unprivileged user `stepup` (uid 1000) unless `--user` says
# otherwise, which is how CI runs it: as the job's user, the workspace
# mounted at the same path, so compile_commands.json's absolute paths hold
# and the reports belong to the job. The entry point
# (scripts/docker-entrypoint.sh) makes git trust the mounted workspace.
# tests/container/run.sh (CTest's container_image) builds and runs it where
# docker or podman can, with local debian:12 images; container_test.cpp
# tests the entry point.
FROM debian:12 AS build
WORKDIR /src
# The dependencies first, in their own layer: rebuilt only when the script
# or the grammar's lock file changes.
COPY scripts/install-deps.sh scripts/
COPY scanner/quick/grammar/package.json scanner/quick/grammar/package-lock.json scanner/quick/grammar/
# The tree-sitter grammar comes from the npm registry; a mirror can be named
# (docker build --build-arg npm_config_registry=https://npm.example/).
ARG npm_config_registry=""
RUN bash scripts/install-deps.sh runtime build
COPY . .
RUN cmake -S . -B /build -DCMAKE_BUILD_TYPE=Release -DSTEPUP_BUILD_TESTS=OFF \
 && cmake --build /build -j"$(nproc)" --target package \
 && /build/stepup --version

FROM debian:12-slim
ARG EXTRA_PACKAGES=""
COPY --from=build /build/stepup_*.deb /tmp/
# hadolint ignore=DL3008: Debian 12's own versions, as on a laptop.
RUN apt-get update \
 && apt-get install -y --no-install-recommends /tmp/stepup_*.deb git gcovr g++ ${EXTRA_PACKAGES} \
 && rm -rf /var/lib/apt/lists/* /tmp/stepup_*.deb \
 && useradd --uid 1000 --create-home --shell /usr/sbin/nologin stepup
COPY scripts/docker-entrypoint.sh /usr/local/bin/stepup-entrypoint
USER stepup
WORKDIR /home/stepup
ENTRYPOINT ["/usr/local/bin/stepup-entrypoint"]
CMD ["--help"]
