#!/usr/bin/env python3
"""Build-time scaling: generate-sources and compile of synthetic projects with N events and N
workflows, the up-to-date check on an unchanged project, regeneration after a changed $ref'd
definition, and one changed event of N (regenerated alone, compared with a clean build). Reports the
plugin's own time, Maven's wall time and Maven's CPU time (user + system of the whole process
tree, which other load on the machine barely changes), and checks them against the targets. Run through ../run-scaling.sh; see bench/README.md."""
import argparse
import math
import os
import re
import resource
import shutil
import statistics
import subprocess
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent
ROOT = BENCH.parent


def mvn(project, *goals):
    # The plugin logs the CPU time of Maven's JVM at debug level only (under -T it counts the
    # other modules too); this turns on debug for the plugin's goal alone.
    command = [str(ROOT / "mvnw"), "-B", "-o",
               "-Dorg.slf4j.simpleLogger.log.dev.hookc.plugin.GenerateSourcesMojo=debug"]
    if os.environ.get("MAVEN_REPO_LOCAL"):
        command.append(f"-Dmaven.repo.local={os.environ['MAVEN_REPO_LOCAL']}")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    out = subprocess.run([*command, *goals], cwd=project, capture_output=True, text=True)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode != 0:
        raise RuntimeError(f"mvn {' '.join(goals)} failed in {project}:\n{out.stdout[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, out.stdout, cpu


def hookc_ms(log, kind):
    """The plugin's logged wall time in ms (its CPU time is read by hookc_cpu_ms)."""
    return int(hookc_match(log, kind).group(1))


def hookc_cpu_ms(log, kind):
    """The plugin's logged CPU time in ms (all threads of Maven's JVM), or NaN if not logged."""
    hookc_match(log, kind)
    cpu = re.search(r"\[DEBUG\] hookc: Maven's JVM used (\d+) ms CPU", log)
    return int(cpu.group(1)) if cpu else float("nan")


def hookc_match(log, kind):
    pattern = (r"hookc: (?:generated \d+ source files?|[\d,]+ of [\d,]+ files regenerated "
               r"\(\d+ inputs? changed(?:, [\d,]+ of [\d,]+ files read)?\)) in (\d+) ms"
               if kind == "generated" else
               r"hookc: inputs unchanged since the last generation, skipped \((\d+) ms\)")
    m = re.search(pattern, log)
    if not m:
        raise RuntimeError(f"expected hookc to have {kind}:\n{log[-2000:]}")
    return m


def one_event_changed(project, n):
    """Time generate-sources after changing one event of n (the goal's own time as the mojo logs
    it, and CPU), then check that the output is identical to a clean build's, byte for byte."""
    output = project / "target/generated-sources/hookc"
    mvn(project, "generate-sources")  # current again after the definition step
    event = sorted((project / "src/events").rglob("*.yaml"))[0]
    text = event.read_text()
    changed = re.sub(r"maxLength: (\d+)", lambda m: f"maxLength: {int(m.group(1)) + 1}", text,
                     count=1)
    if changed == text:
        changed = text + "\n# changed\n"
    event.write_text(changed)
    _, log, cpu = mvn(project, "generate-sources")
    m = re.search(r"hookc: ([\d,]+) of ([\d,]+) files regenerated \((\d+) inputs? changed"
                  r"(, [\d,]+ of [\d,]+ files read)?\) in (\d+) ms", log)
    if not m:
        raise RuntimeError(f"expected a partial regeneration:\n{log[-2000:]}")
    mojo_cpu = hookc_cpu_ms(log, "generated")
    partial = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    shutil.rmtree(project / "target", ignore_errors=True)
    mvn(project, "generate-sources")
    clean = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    identical = partial == clean
    print(f"N={n}: one event changed: {m.group(1)} of {m.group(2)} files regenerated"
          f"{m.group(4) or ''} in {m.group(5)} ms (mojo), Maven's JVM {mojo_cpu} ms CPU, mvn CPU {cpu:.1f} s; "
          f"identical to a clean build: {identical}", flush=True)
    if not identical:
        raise RuntimeError("partial regeneration differs from a clean build")
    return int(m.group(5))


def exponent(points):
    """Least-squares slope of log(time) over log(N)."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = statistics.mean(xs), statistics.mean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--version", default="0.1.0-SNAPSHOT")
    parser.add_argument("--compile-max", type=int, default=1_000_000,
                        help="time the clean compile only for N up to this")
    args = parser.parse_args()
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        project = BENCH / f"target/scaling/n{n}"
        shutil.rmtree(project, ignore_errors=True)
        subprocess.run(["java", "-cp", str(BENCH / "target/classes"),
                        "dev.hookc.bench.ScalingProjectGenerator", str(project), str(n),
                        args.version], check=True)
        gen_ms, gen_wall, gen_cpu, skip_ms, skip_wall, skip_cpu = [], [], [], [], [], []
        gen_mojo_cpu, skip_mojo_cpu = [], []
        for _ in range(args.runs):
            shutil.rmtree(project / "target", ignore_errors=True)
            wall, log, cpu = mvn(project, "generate-sources")
            gen_ms.append(hookc_ms(log, "generated"))
            gen_mojo_cpu.append(hookc_cpu_ms(log, "generated"))
            gen_wall.append(wall)
            gen_cpu.append(cpu)
            wall, log, cpu = mvn(project, "generate-sources")
            skip_ms.append(hookc_ms(log, "skipped"))
            skip_mojo_cpu.append(hookc_cpu_ms(log, "skipped"))
            skip_wall.append(wall)
            skip_cpu.append(cpu)
        # A changed shared definition, referenced by every event, must regenerate.
        definitions = project / "src/definitions/common.yaml"
        definitions.write_text(definitions.read_text().replace("maxLength: 200", "maxLength: 180"))
        _, log, _ = mvn(project, "generate-sources")
        regen_ms = hookc_ms(log, "generated")
        one_changed = one_event_changed(project, n)
        compile_wall = (mvn(project, "clean", "compile")[0] if n <= args.compile_max
                        else float("nan"))
        sources = sum(1 for _ in (project / "target/generated-sources/hookc").rglob("*.java"))
        row = {"n": n, "sources": sources, "generate_ms": statistics.median(gen_ms),
               "generate_ms_runs": gen_ms, "generate_wall_s": statistics.median(gen_wall),
               "generate_cpu_s": statistics.median(gen_cpu),
               "generate_mojo_cpu_ms": statistics.median(gen_mojo_cpu),
               "skip_ms": statistics.median(skip_ms), "skip_ms_runs": skip_ms,
               "skip_wall_s": statistics.median(skip_wall),
               "skip_cpu_s": statistics.median(skip_cpu),
               "skip_mojo_cpu_ms": statistics.median(skip_mojo_cpu),
               "regenerate_ms": regen_ms, "one_event_changed_ms": one_changed,
               "compile_wall_s": compile_wall}
        rows.append(row)
        print(f"N={n}: {row}", flush=True)
    print()
    print(f"load average {os.getloadavg()[0]:.1f} (1 min) on {os.cpu_count()} cores; medians of "
          f"{args.runs} runs (compile: one run, clean compile including generation)")
    print("generate: from a clean target; unchanged: generate-sources again; mojo = the plugin's "
          "own log (wall, and CPU of Maven's JVM during it); mvn = the whole invocation")
    print(f"{'N':>5} {'files':>6} | {'gen mojo':>9} {'mojo CPU':>9} {'mvn wall':>9} "
          f"{'mvn CPU':>8} | {'unch mojo':>9} {'mojo CPU':>9} {'mvn wall':>9} {'mvn CPU':>8} | "
          f"{'regen mojo':>10} {'clean compile':>14}")
    for r in rows:
        print(f"{r['n']:>5} {r['sources']:>6} | {r['generate_ms'] / 1000:>8.2f}s "
              f"{r['generate_mojo_cpu_ms'] / 1000:>8.2f}s {r['generate_wall_s']:>8.2f}s "
              f"{r['generate_cpu_s']:>7.2f}s | {r['skip_ms']:>7.0f}ms "
              f"{r['skip_mojo_cpu_ms']:>7.0f}ms {r['skip_wall_s']:>8.2f}s "
              f"{r['skip_cpu_s']:>7.2f}s | {r['regenerate_ms'] / 1000:>9.2f}s "
              f"{r['compile_wall_s']:>13.2f}s")
    if len(rows) >= 2:
        pts = [(r["n"], r["generate_ms"]) for r in rows]
        big = [p for p in pts if p[0] >= 100] or pts
        print(f"growth exponent of generate (mojo time), all sizes: {exponent(pts):.2f}; "
              f"N >= 100: {exponent(big) if len(big) >= 2 else float('nan'):.2f} (1.0 is linear)")
        cpu = [(r["n"], r["generate_mojo_cpu_ms"]) for r in rows]
        if not any(math.isnan(t) for _, t in cpu):
            print(f"growth exponent of generate (mojo CPU time): {exponent(cpu):.2f}")
        cpts = [(r["n"], r["compile_wall_s"]) for r in rows
                if not math.isnan(r["compile_wall_s"])]
        if len(cpts) >= 2:
            print(f"growth exponent of clean compile (wall): {exponent(cpts):.2f}")
    for r in rows:
        if r["n"] == 1000:
            gen = r["generate_ms"] / 1000
            cpu = r["generate_mojo_cpu_ms"] / 1000
            print(f"target: clean generate N=1000 under 5 s of the goal's own time (mojo wall): "
                  f"{gen:.2f} s {'met' if gen < 5 else 'NOT met'} (mojo CPU {cpu:.2f} s)")
            changed = r["one_event_changed_ms"]
            print("target: one event of 1,000 changed, regenerated in under 1 s with output "
                  "identical to a clean build: " +
                  ("not yet measured (per-input regeneration is not built yet)"
                   if changed is None else
                   f"{changed / 1000:.2f} s {'met' if changed < 1000 else 'NOT met'}"))
    for r in rows:
        print(f"target: unchanged N={r['n']} well under 100 ms (mojo): {r['skip_ms']:.0f} ms "
              f"{'met' if r['skip_ms'] < 100 else 'NOT met'}")


if __name__ == "__main__":
    main()
