#!/usr/bin/env python3
"""Reduces @octokit/openapi-webhooks' api.github.com.json to what hookc reads, deterministically.

Usage: npm pack @octokit/openapi-webhooks@12.1.0 && tar xzf octokit-openapi-webhooks-12.1.0.tgz
       python3 reduce.py package/generated/api.github.com.json > api.github.com.json

Kept: openapi, info, each webhook's operationId, its JSON request body schema and
x-github.subcategory (the X-GitHub-Event name), and every components.schemas entry, unchanged.
Dropped: tags, servers, headers parameters, examples, responses and other webhook metadata.
"""
import json
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    full = json.load(f)
reduced = {
    "openapi": full["openapi"],
    "info": full["info"],
    "webhooks": {},
    "components": {"schemas": full["components"]["schemas"]},
}
for name in sorted(full["webhooks"]):
    post = full["webhooks"][name]["post"]
    schema = post["requestBody"]["content"]["application/json"]["schema"]
    reduced["webhooks"][name] = {
        "post": {
            "operationId": post["operationId"],
            "requestBody": {"content": {"application/json": {"schema": schema}}},
            "x-github": {"subcategory": post["x-github"]["subcategory"]},
        }
    }
json.dump(reduced, sys.stdout, ensure_ascii=False, separators=(",", ":"))
sys.stdout.write("\n")
