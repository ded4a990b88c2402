/**
 * Not API: the runtime's JSON reading and writing, request bodies read strictly (UTF-8, no repeated
 * key, bounded numbers and nesting) with line-and-column problems, trees written fast, and {@code
 * application/problem+json} bodies. It may change in any release.
 */
package dev.hookc.runtime.json;
