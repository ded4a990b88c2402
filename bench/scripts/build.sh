#!/usr/bin/env bash
# Builds what the benchmarks run: installs the root build's runtime and plugin into the local
# repository (MAVEN_REPO_LOCAL, if set, is used instead of ~/.m2), packages the callback example
# (which also writes its class-data archive), and packages the bench module. SKIP_BUILD=1 skips
# all of it.
set -euo pipefail
cd "$(dirname "$0")/../.."
[[ "${SKIP_BUILD:-0}" == 1 ]] && exit 0
repo=()
[[ -n "${MAVEN_REPO_LOCAL:-}" ]] && repo=("-Dmaven.repo.local=$MAVEN_REPO_LOCAL")
./mvnw -B -q "${repo[@]}" -pl runtime,plugin,testkit,kafka -am install -DskipTests -Dinvoker.skip
./mvnw -B -q "${repo[@]}" -pl examples/callback package -DskipTests
./mvnw -B -q "${repo[@]}" -f bench/pom.xml package
