#!/usr/bin/env bash
# The pipeline contenders timed by thread CPU time, interleaved (PipelineCpuTime): steadier than
# wall-clock JMH on a loaded machine. An optional argument sets the number of rounds (default 14).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/scripts/build.sh"
java -XX:+UseSerialGC -cp "$here/target/classes:$here/target/lib/*" dev.hookc.bench.PipelineCpuTime "$@"
