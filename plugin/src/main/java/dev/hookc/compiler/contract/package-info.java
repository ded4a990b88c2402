/**
 * The request contract beyond the body schema: parameters and how text converts to their types,
 * form bodies, body limits, response validation, and the server settings of {@code http.yaml}.
 */
package dev.hookc.compiler.contract;
