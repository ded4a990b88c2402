/**
 * Prometheus metrics of a hookc application ({@code hookc-metrics}): a {@link
 * dev.hookc.runtime.telemetry.TelemetryProvider} that records requests, guard outcomes, tasks,
 * async deliveries, inboxes, datasource calls, connection pools and the JVM in a Micrometer
 * registry, and serves it at {@code /metrics}.
 */
package dev.hookc.metrics;
