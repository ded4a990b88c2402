#!/usr/bin/env bash
# Where a clean generation spends its time, without Maven: HookcCompiler.compile and the plugin's
# SourceWriter on a synthetic project of N events and N workflows (N=1000 by default), each run in
# a fresh JVM, as Maven's is on a clean build. Prints wall, process CPU, the JIT's and GC's time
# and, from a JFR recording, the Java samples by stage and the hottest methods. Builds only the
# plugin's classes (nothing is installed). Usage: [N=1000] [RUNS=1] [JAVA_OPTS=...]
# [JIT_DIRECTIVE=0: without the C2 directive a clean generate-sources adds, see GeneratorJit]
# bench/run-generation-profile.sh [--rounds K]   (K > 1 repeats the work in the same, warm JVM)
# CHANGED=1 bench/run-generation-profile.sh [--rounds K]: instead, one changed event of N, the
# plugin's steps timed apart (ChangeProfile; after one clean generation). MODE picks the path:
# cached (default: with the analysis cache, reading only the files the change reaches), stages
# (without it, every file read, the compiler's stages timed apart), goal or goal-uncached (the
# whole SourceGenerator, with or without the cache; --rounds repeats it too).
set -euo pipefail
cd "$(dirname "$0")/.."
n="${N:-1000}"
out=bench/target/profile
mkdir -p "$out"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -B -q -o -pl plugin compile
  ./mvnw -B -q -o -pl plugin dependency:build-classpath -DincludeScope=runtime \
    -Dmdep.outputFile="$PWD/$out/plugin.cp"
fi
cp="plugin/target/classes:$(cat "$out/plugin.cp")"
javac -nowarn -d "$out/classes" -cp "$cp" \
  bench/src/main/java/dev/hookc/plugin/GenerationProfile.java \
  bench/src/main/java/dev/hookc/plugin/ChangeProfile.java \
  bench/src/main/java/dev/hookc/bench/ScalingProjectGenerator.java
project="$out/n$n"
[[ -d "$project/src" ]] || java -cp "$out/classes" dev.hookc.bench.ScalingProjectGenerator \
  "$project" "$n" 0.1.0-SNAPSHOT
if [[ "${CHANGED:-0}" == 1 ]]; then
  java -cp "$out/classes:$cp" dev.hookc.plugin.ChangeProfile prepare "$project" dev.hookc.scaling
  for run in $(seq "${RUNS:-1}"); do
    echo "run $run, N = $n, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    # shellcheck disable=SC2086
    java ${JAVA_OPTS:-} -cp "$out/classes:$cp" dev.hookc.plugin.ChangeProfile "${MODE:-cached}" \
      "$project" dev.hookc.scaling "$@"
  done
  exit 0
fi
for run in $(seq "${RUNS:-1}"); do
  echo "run $run, N = $n, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -cp "$out/classes:$cp" dev.hookc.plugin.GenerationProfile \
    "$project" dev.hookc.scaling --jfr "$out/generation-$run.jfr" "$@"
done
