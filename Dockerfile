# Container image for the boot-plan evaluator.
#
#   docker build -t boot-plan-evaluator .
#   docker run --rm -p 127.0.0.1:8080:8080 boot-plan-evaluator
#
# JAVA_VERSION picks the Temurin feature release for both stages. The code is
# compiled for Java 21 (pom.xml), so any JDK/JRE from 21 on works:
#   docker build --build-arg JAVA_VERSION=21 -t boot-plan-evaluator .
ARG JAVA_VERSION=25

# ---------------------------------------------------------------------------
# Stage 1: build the fat jar with the project's own Maven wrapper.
# ---------------------------------------------------------------------------
FROM eclipse-temurin:${JAVA_VERSION}-jdk AS build

# The wrapper checks the Maven download against the sha256 of the .zip in
# .mvn/wrapper/maven-wrapper.properties, but without `unzip` it fetches the
# .tar.gz instead and that check always fails (apache/maven-wrapper#425).
# The Temurin images ship no unzip, so add it.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends unzip \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /workspace

# Build files first: the dependency layer below is reused until pom.xml or the
# wrapper changes, so a source-only change skips straight to compiling.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/

# /root/.m2 is a cache mount (BuildKit, and podman/buildah): the Maven
# distribution and the local repository survive across builds, even when
# pom.xml changes; `locked` keeps two builds from writing it at once.
# go-offline fetches the dependencies and the plugins the lifecycle needs
# (enough for an offline `package -DskipTests`, checked); the package step
# would fetch anything it missed.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    ./mvnw -B -ntp dependency:go-offline

COPY src/ src/

# maven-toolchains-plugin (select-jdk-toolchain [21,)) finds this image's JDK
# as the one running Maven. The extract step splits the fat jar into
# Spring Boot's layers (libraries apart from the application classes) so the
# runtime stage can copy them as separate, separately cached layers; it
# leaves application.jar (the classes, with a Class-Path manifest) beside
# lib/, so the entrypoint stays `java -jar application.jar` whatever the
# project version (the glob matches the one repackaged jar; cp fails loudly if
# it ever matches more).
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    ./mvnw -B -ntp -DskipTests package \
 && cp target/boot-plan-evaluator-*.jar application.jar \
 && java -Djarmode=tools -jar application.jar extract --layers --destination extracted

# ---------------------------------------------------------------------------
# Stage 2: run on a JRE as an unprivileged user.
# ---------------------------------------------------------------------------
FROM eclipse-temurin:${JAVA_VERSION}-jre

# A fixed numeric uid/gid outside the ranges images hand out (Ubuntu's images
# already have uid 1000), so `USER` below is numeric and Kubernetes'
# runAsNonRoot can verify it without reading /etc/passwd.
RUN groupadd --gid 10001 app \
 && useradd --uid 10001 --gid app --no-create-home --home-dir /app \
        --shell /usr/sbin/nologin app

WORKDIR /app

# Least-often-changed first. Everything stays owned by root and read-only to
# the service user.
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./

# An AOT cache (JDK 25+, -XX:AOTCacheOutput): a training run starts the context and stops at refresh, and the cache
# halves start-up (5.6 s → 2.6 s to ready on a 2-core machine, measured with scripts/fast-start.sh). On an older
# JDK the step is skipped and the service starts without it.
RUN if java -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh -jar application.jar --server.port=0 \
        >/tmp/aot-training.log 2>&1; then echo "AOT cache written"; else rm -f app.aot; echo "no AOT cache (JDK < 25?)"; fi \
 && rm -f /tmp/aot-training.log

USER 10001:10001

# Defaults only: the JVM reads JAVA_TOOL_OPTIONS by itself, so
# `-e JAVA_TOOL_OPTIONS=...` replaces them without touching the entrypoint.
# MaxRAMPercentage sizes the heap from the container's memory limit;
# ExitOnOutOfMemoryError lets the orchestrator restart a broken JVM.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError"

EXPOSE 8080

# Readiness, not just liveness: the container reports healthy only once the
# application accepts traffic. The JRE images have neither curl nor wget, so
# bash's /dev/tcp sends the request and the status line is checked. The OCI
# image format has no HEALTHCHECK: podman keeps it only with
# `podman build --format docker`.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health/readiness HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && read -r _ status _ <&3 && [ \"${status%%[!0-9]*}\" = 200 ]"]

# Exec form: java is PID 1 and receives SIGTERM itself, and Spring Boot's
# graceful shutdown (on by default) lets in-flight requests finish.
STOPSIGNAL SIGTERM
# The cache is used when the image has one; exec keeps java as PID 1.
ENTRYPOINT ["bash", "-c", "if [ -f app.aot ]; then exec java -XX:AOTCache=app.aot -jar application.jar \"$@\"; else exec java -jar application.jar \"$@\"; fi", "--"]
