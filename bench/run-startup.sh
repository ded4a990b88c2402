#!/usr/bin/env bash
# Start-up time to the first answered request, and RSS idle and after load, of the example.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/scripts/build.sh"
exec python3 "$here/scripts/bench_http.py" startup "$@"
