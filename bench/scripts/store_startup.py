#!/usr/bin/env python3
"""Start-up of a hookc application with an embedded H2 store: spawn to the first answered
idempotent request, on a new database and on an existing one.

Runs dev.hookc.runtime.store.StoreStartupApp (runtime test classes) with the example's JVM flags
and no class-data archive. Usage, from the repository root:

  ./mvnw -B -q -o -pl runtime test-compile dependency:build-classpath \
      -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/hookc-cp.txt
  python3 bench/scripts/store_startup.py /tmp/hookc-cp.txt [--runs 5]

--java-flags adds JVM flags (a class-data archive, say); --bare uses the class path file alone,
without runtime/target/classes and test-classes in front (to measure jars built elsewhere).
"""
import argparse
import http.client
import re
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
FLAGS = ["-XX:+UseSerialGC", "-Xss512k"]
LINE = re.compile(r"main at (\d+) ms, store opened in (\d+) ms \((\d+) ms CPU\), port (\d+)")


def cpu_millis(pid):
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])  # utime + stime
    return ticks * 1000 // 100


def start_once(classpath, data, flags):
    began = time.monotonic()
    app = subprocess.Popen(
        ["java", *FLAGS, *flags, "-cp", classpath, "dev.hookc.runtime.store.StoreStartupApp", str(data)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        noise = []
        while True:
            line = app.stdout.readline()
            if not line:
                raise SystemExit("exited before serving: " + "".join(noise))
            match = LINE.search(line)
            if match:
                break
            noise.append(line)
        port = int(match.group(4))
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("POST", "/hook", body="{}", headers={"webhook-id": "evt_1"})
            status = conn.getresponse().status
            conn.close()
            if status == 200:
                break
        first = (time.monotonic() - began) * 1000
        cpu = cpu_millis(app.pid)
        return {"first_answer_ms": first, "cpu_ms": cpu, "main_ms": int(match.group(1)),
                "open_ms": int(match.group(2)), "open_cpu_ms": int(match.group(3)),
                "log_lines": noise}
    finally:
        app.terminate()
        app.wait(20)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("classpath_file")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--java-flags", default="")
    parser.add_argument("--bare", action="store_true")
    args = parser.parse_args()
    classpath = Path(args.classpath_file).read_text().strip()
    if not args.bare:
        classpath = f"{ROOT}/runtime/target/classes:{ROOT}/runtime/target/test-classes:{classpath}"
    flags = args.java_flags.split()
    results = {"new database": [], "existing database": []}
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as data:
            results["new database"].append(start_once(classpath, Path(data) / "db", flags))
            results["existing database"].append(start_once(classpath, Path(data) / "db", flags))
    for name, samples in results.items():
        def median(key):
            return statistics.median(s[key] for s in samples)
        print(f"{name}: first answer {median('first_answer_ms'):.0f} ms"
              f" (CPU {median('cpu_ms'):.0f} ms), main at {median('main_ms'):.0f} ms,"
              f" store opened in {median('open_ms'):.0f} ms ({median('open_cpu_ms'):.0f} ms CPU)"
              f"; runs: " + ", ".join(f"{s['first_answer_ms']:.0f}" for s in samples))
    lines = results["new database"][0]["log_lines"]
    if lines:
        print("printed before serving (first start):\n" + "".join(lines), end="")


if __name__ == "__main__":
    main()
