/**
 * Stage 1, load: finds the project's YAML files, reads {@code http.yaml} once, and builds one
 * complete, immutable {@code model.Project}. May depend on yaml, diag, model, contract and
 * security.
 */
package dev.hookc.compiler.load;
