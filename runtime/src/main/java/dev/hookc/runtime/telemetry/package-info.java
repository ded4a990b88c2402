/**
 * What hookc reports while it works — requests, guard outcomes, async deliveries, workflow tasks,
 * datasource calls — to the telemetry modules on the class path ({@code hookc-metrics}, {@code
 * hookc-tracing}), which implement {@link dev.hookc.runtime.telemetry.TelemetryProvider} and are
 * found with {@link java.util.ServiceLoader}. Without one, {@link
 * dev.hookc.runtime.telemetry.Telemetry#NONE} costs a few field reads per request.
 *
 * <p>Applications do not call these types; a module of one's own may implement them. They are a
 * service-provider interface, stable within a minor version.
 */
package dev.hookc.runtime.telemetry;
