/**
 * Stage 2, check: the delivery guarantees of each route, compared with what its sender does (how
 * long it retries) and what its workflow does (which tasks have effects, and whether they receive
 * the delivery's key), and the per-route manifest CI diffs. May depend on yaml, diag, model and
 * check.
 */
package dev.hookc.compiler.delivery;
