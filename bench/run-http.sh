#!/usr/bin/env bash
# End-to-end load: the callback example against the hand-written baseline, side by side.
# Extra arguments go to `bench_http.py load` (--duration, --runs, --jvm-flags, ...).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/scripts/build.sh"
exec python3 "$here/scripts/bench_http.py" load "$@"
