/**
 * Stage 1, load: reads the request contract beyond the body schema (parameters and how text
 * converts to their types, form bodies, body limits) and the server settings of {@code http.yaml}
 * into model records. May depend on yaml, diag and model.
 */
package dev.hookc.compiler.contract;
