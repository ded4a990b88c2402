#!/usr/bin/env python3
"""Prints a JMH result file of PipelineBenchmark as a table with the ratios the targets name."""
import json
import sys

results = json.load(open(sys.argv[1]))
score = {}
for r in results:
    name = r["benchmark"].rsplit(".", 1)[1]
    score[name] = (r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"])
print(f"{'benchmark':22} {'ns/op':>12} {'± error':>10}")
for name, (value, error) in score.items():
    print(f"{name:22} {value:12.0f} {error:10.0f}")
print()
for schema in ("callback", "payment"):
    if f"{schema}Hookc" not in score:
        continue
    hookc, jackson, networknt = (score[f"{schema}{k}"][0] for k in ("Hookc", "Jackson", "Networknt"))
    print(f"{schema:8} hookc/Jackson {hookc / jackson:5.2f} (target <= 1.5)   "
          f"networknt/hookc {networknt / hookc:5.1f} (target >= 10)")
