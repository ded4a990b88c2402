#!/usr/bin/env bash
# Acknowledged deliveries per second of a `delivery: kafka` route (with idempotency on H2, and
# without), and of a hookc route that answers 202 at once, each at 50 concurrent senders on
# loopback against a plain `acks=all` producer measured in the same run on the same in-process
# broker (KafkaHandoffThroughput). JAVA_OPTS adds JVM flags (a JFR recording, say).
# Options: --senders 50 --runs 3 --warmup 2 --duration 5 --modes http,plain,idempotent
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/scripts/build.sh"
# shellcheck disable=SC2086
java -XX:+UseSerialGC ${JAVA_OPTS:-} -cp "$here/target/classes:$here/target/lib/*" \
  dev.hookc.bench.KafkaHandoffThroughput "$@"
