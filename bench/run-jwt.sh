#!/usr/bin/env bash
# Thread CPU time of one JWT verification (HS256 and RS256), the authenticator alone (JwtCpuTime).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/scripts/build.sh"
java -XX:+UseSerialGC -cp "$here/target/classes:$here/target/lib/*" dev.hookc.bench.JwtCpuTime "$@"
