#!/usr/bin/env bash
# JMH: parse + validate + bind against Jackson alone and networknt. Extra arguments go to JMH
# (for example `-f 1 -wi 2 -i 3` for a quicker, rougher run).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/scripts/build.sh"
mkdir -p "$here/target/results"
out="$here/target/results/jmh-$(date -u +%Y%m%dT%H%M%SZ).json"
java -cp "$here/target/classes:$here/target/lib/*" org.openjdk.jmh.Main PipelineBenchmark \
  -rf json -rff "$out" "$@"
python3 "$here/scripts/jmh_table.py" "$out"
