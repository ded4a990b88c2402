/**
 * Reads and checks what guards a route: each event's {@code authn} and {@code idempotency}, and the
 * server-wide defaults of {@code src/eventsources/http.yaml}.
 */
package dev.hookc.compiler.security;
