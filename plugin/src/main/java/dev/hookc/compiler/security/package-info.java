/**
 * Stage 1, load: reads what guards a route (each event's {@code authn}, {@code idempotency} and
 * {@code delivery}, and the server-wide defaults of {@code http.yaml}) into model records. May
 * depend on yaml, diag, expr and model.
 */
package dev.hookc.compiler.security;
