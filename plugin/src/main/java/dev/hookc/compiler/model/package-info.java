/**
 * The loaded project: immutable records of events (with their guards, contracts, hooks and body
 * schemas), workflows, tasks, {@code http.yaml} defaults and configuration, with their YAML
 * origins. Depends on yaml and diag only; never on a later stage.
 */
package dev.hookc.compiler.model;
