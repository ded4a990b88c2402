#!/usr/bin/env bash
# Tries to set up Godspeed 2.5 with the guide's two YAML files, for the Godspeed column of the
# load test. Its core installs from npm, but its Express HTTP plugin
# (@godspeedsystems/plugins-express-as-http) is not published on the public registry (404), and
# without an HTTP event source Godspeed serves nothing. The script stops there and says so; the
# load test then shows the reference figures given with the performance issue instead.
set -euo pipefail
dir="${1:-$(mktemp -d)}"
mkdir -p "$dir/src/events" "$dir/src/functions"
here="$(cd "$(dirname "$0")" && pwd)"
cp "$here/../../examples/callback/src/events/callback-event.yaml" "$dir/src/events/"
cp "$here/../../examples/callback/src/functions/handleCallback.yaml" "$dir/src/functions/"
cd "$dir"
npm init -y > /dev/null
npm install --no-audit --no-fund @godspeedsystems/core
if ! npm install --no-audit --no-fund @godspeedsystems/plugins-express-as-http; then
  echo "godspeed: the Express HTTP plugin is not installable from the registry;" \
    "the load test reports the reference figures for Godspeed" >&2
  exit 1
fi
echo "godspeed: installed in $dir; add src/eventsources/http.yaml and the guide's functions to run it"
