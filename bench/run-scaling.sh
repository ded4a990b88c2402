#!/usr/bin/env bash
# Build-time scaling over synthetic projects (N = 10, 100, 1000 by default; --sizes to change).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/scripts/build.sh"
exec python3 "$here/scripts/bench_scaling.py" "$@"
