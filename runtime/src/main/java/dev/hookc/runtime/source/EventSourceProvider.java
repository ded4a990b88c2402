package dev.hookc.runtime.source;

/**
 * A module that reads events from outside HTTP, found with {@link java.util.ServiceLoader} ({@code
 * META-INF/services/dev.hookc.runtime.source.EventSourceProvider}) when an application is built.
 */
public interface EventSourceProvider {

  /** The {@code type} of {@code src/eventsources/<name>.yaml} it serves: {@code kafka}. */
  String type();

  /**
   * Starts the consumers of {@code setup}'s subscriptions; called when the application starts,
   * after its datasources and store are open.
   *
   * @throws Exception when it cannot start; the application then does not start
   */
  EventSource start(EventSourceSetup setup) throws Exception;
}
