package dev.hookc.runtime.telemetry;

/**
 * A telemetry module, found with {@link java.util.ServiceLoader} ({@code
 * META-INF/services/dev.hookc.runtime.telemetry.TelemetryProvider}) when an application is built.
 */
public interface TelemetryProvider {

  /**
   * The module's telemetry for one application, or {@link Telemetry#NONE} when its settings turn it
   * off. Called once per application built, before it starts.
   *
   * @throws IllegalArgumentException with a message naming the setting, for a setting it refuses
   */
  Telemetry create(TelemetrySetup setup);
}
