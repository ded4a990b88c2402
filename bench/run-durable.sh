#!/usr/bin/env bash
# Acknowledged deliveries per second of a `delivery: async` route on H2 and on PostgreSQL
# (embedded binaries), 50 concurrent senders on loopback, against each store's raw limit measured
# in the same run: plain batched inserts of the same row, one commit per batch (DurableThroughput).
# Options: --stores h2,postgresql --senders 50 --runs 3 --warmup 5 --duration 8 --batch 50
#          --raw-writers 1,2 --workers 0 (0: the inbox's worker is held; N: N workers process)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/scripts/build.sh"
java -XX:+UseSerialGC -cp "$here/target/classes:$here/target/lib/*" \
  dev.hookc.bench.DurableThroughput "$@"
