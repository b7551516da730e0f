# syntax=docker/dockerfile:1
# The standalone ActiveMQ Artemis broker of a deployment, built from the same distribution on Maven Central that
# scale-out/start.sh uses and created at its first start by the same script (scale-out/create-broker.sh: the
# application's queues and address settings in broker.xml, one user). Build it from the repository's root:
#   docker build -f docker/broker.Dockerfile -t p2p-storage/broker .
FROM eclipse-temurin:17-jre
ARG ARTEMIS_VERSION=2.40.0
ARG ARTEMIS_SHA512=9ddb9f25f967dd78b88e4ecac67f8aa3cf1e3caabfd58fb520dee8e691b7351c727f7c7b2ad603cf38261c1f05a3231db6f9aabe5b933aefef6f71f3d3f8eacb
RUN apt-get update && apt-get install -y --no-install-recommends curl unzip \
    && rm -rf /var/lib/apt/lists/* \
    && curl -fsSLo /tmp/artemis.zip "https://repo1.maven.org/maven2/org/apache/activemq/apache-artemis/${ARTEMIS_VERSION}/apache-artemis-${ARTEMIS_VERSION}-bin.zip" \
    && echo "${ARTEMIS_SHA512}  /tmp/artemis.zip" | sha512sum -c - \
    && unzip -q /tmp/artemis.zip -d /opt && mv "/opt/apache-artemis-${ARTEMIS_VERSION}" /opt/artemis && rm /tmp/artemis.zip \
    && useradd --system --uid 1001 --home-dir /var/lib/artemis-instance --create-home artemis
COPY --chmod=755 scale-out/create-broker.sh /opt/p2p/create-broker.sh
# The instance (broker.xml, users, journal) lives in the volume: created once, kept across containers.
VOLUME /var/lib/artemis-instance
EXPOSE 61616
USER artemis
ENV P2P_BROKER_HOST=0.0.0.0 \
    P2P_BROKER_PORT=61616
HEALTHCHECK --interval=5s --timeout=3s --start-period=60s --retries=5 \
    CMD bash -c 'exec 3<> /dev/tcp/127.0.0.1/61616' || exit 1
ENTRYPOINT ["bash", "-c", "/opt/p2p/create-broker.sh /opt/artemis /var/lib/artemis-instance/broker && exec /var/lib/artemis-instance/broker/bin/artemis run"]
