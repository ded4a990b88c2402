#!/usr/bin/env python3
"""Prints a JMH result file of PipelineBenchmark as a table with the ratios the targets name."""
import json
import sys

results = json.load(open(sys.argv[1]))
score = {}
allocated = {}
for r in results:
    name = r["benchmark"].rsplit(".", 1)[1]
    score[name] = (r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"])
    norm = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
    allocated[name] = f"{norm['score']:10.0f}" if norm else f"{'':>10}"
print(f"{'benchmark':26} {'ns/op':>12} {'± error':>10} {'B/op (-prof gc)':>16}")
for name, (value, error) in score.items():
    print(f"{name:26} {value:12.0f} {error:10.0f} {allocated[name]:>16}")
print()
for schema in ("callback", "payment"):
    if f"{schema}Hookc" not in score:
        continue
    hookc, jackson, networknt = (score[f"{schema}{k}"][0] for k in ("Hookc", "Jackson", "Networknt"))
    print(f"{schema:8} hookc/Jackson {hookc / jackson:5.2f} (target <= 1.5)   "
          f"networknt/hookc {networknt / hookc:5.1f} (target >= 10)")
    if f"{schema}NetworkntValidate" in score and f"{schema}HookcValidate" in score:
        alone = score[f"{schema}NetworkntValidate"][0] / score[f"{schema}HookcValidate"][0]
        print(f"{schema:8} validation alone: networknt/hookc {alone:5.1f}")
