/**
 * OpenTelemetry traces of a hookc application: {@link dev.hookc.tracing.TracingProvider}, found by
 * the runtime with {@link java.util.ServiceLoader}, turns each request, async delivery attempt,
 * workflow task and datasource call into a span, and carries the W3C trace context in from senders
 * and out to http datasources.
 */
package dev.hookc.tracing;
