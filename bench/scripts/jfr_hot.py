#!/usr/bin/env python3
"""CPU samples of a JFR recording, aggregated: by thread group, by top frame, by the first frame of
a package of interest, and hookc's own methods inclusive of what they call.

Usage: jfr_hot.py RECORDING.jfr [--top 25] [--prefix dev.hookc.]"""
import argparse
import collections
import re
import subprocess

FRAME = re.compile(r"^\s+([\w$.<>/]+)\((.*?)\)\s+line:")
THREAD = re.compile(r'sampledThread = "([^"]*)"')


def samples(path):
    out = subprocess.run(
        ["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", path],
        check=True, capture_output=True, text=True).stdout
    thread, frames = None, []
    for line in out.splitlines():
        m = THREAD.search(line)
        if m:
            thread = m.group(1)
            continue
        m = FRAME.match(line)
        if m:
            frames.append(m.group(1))
        elif line.startswith("}"):
            if frames:
                yield thread, frames
            thread, frames = None, []


def group(thread):
    return re.sub(r"[-_ #]?\d+$", "", thread or "?")


def area(frames):
    for f in frames:
        for prefix, name in (("dev.hookc.runtime.http.", "hookc http"),
                             ("dev.hookc.runtime.store.", "hookc store"),
                             ("dev.hookc.runtime.kafka.", "hookc kafka"),
                             ("dev.hookc.runtime.security.", "hookc security"),
                             ("dev.hookc.runtime.json.", "hookc json"),
                             ("dev.hookc.kafka.", "hookc-kafka"),
                             ("dev.hookc.runtime.", "hookc other"),
                             ("dev.hookc.bench.", "bench senders"),
                             ("org.h2.", "h2"),
                             ("com.zaxxer.", "hikari"),
                             ("kafka.", "broker"),
                             ("org.apache.kafka.server", "broker"),
                             ("org.apache.kafka.storage", "broker"),
                             ("org.apache.kafka.raft", "broker"),
                             ("org.apache.kafka.clients.producer", "producer"),
                             ("org.apache.kafka.clients", "kafka clients"),
                             ("org.apache.kafka.common.network", "kafka network")):
            if f.startswith(prefix):
                return name
    return "other (" + frames[-1].rsplit(".", 2)[0] + ")"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("recording")
    p.add_argument("--top", type=int, default=25)
    p.add_argument("--prefix", default="dev.hookc.")
    a = p.parse_args()
    total = 0
    by_thread, by_top, by_area, hookc = (collections.Counter() for _ in range(4))
    for thread, frames in samples(a.recording):
        total += 1
        by_thread[group(thread)] += 1
        by_top[frames[0]] += 1
        by_area[area(frames)] += 1
        for f in set(frames):
            if f.startswith(a.prefix):
                hookc[f] += 1
    print(f"{total} samples")
    for title, counter in (("threads", by_thread), ("areas (first recognised frame)", by_area),
                           ("top frames", by_top), (a.prefix + " inclusive", hookc)):
        print(f"\n== {title} ==")
        for name, n in counter.most_common(a.top):
            print(f"{n:6d} {100.0 * n / total:5.1f}%  {name}")


if __name__ == "__main__":
    main()
