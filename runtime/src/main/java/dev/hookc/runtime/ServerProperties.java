package dev.hookc.runtime;

/**
 * Defaults for the JDK server's tuning properties. The JDK reads them once, when its server classes
 * load, so {@link #apply()} must run before the first {@code HttpServer.create}; values the user
 * has set are kept.
 */
final class ServerProperties {

  /** Seconds a client may take to send a request, headers and body. */
  static final long MAX_REQUEST_SECONDS = 30;

  /** Seconds from the end of the request until the response is fully sent. */
  static final long MAX_RESPONSE_SECONDS = 120;

  /** Seconds a keep-alive connection may sit idle. */
  static final long IDLE_SECONDS = 30;

  private ServerProperties() {}

  static void apply() {
    // Without TCP_NODELAY, the separate writes of headers and body meet delayed ACKs on the
    // client, and every response waits about 40 ms.
    setIfAbsent("sun.net.httpserver.nodelay", "true");
    setIfAbsent("sun.net.httpserver.maxReqTime", Long.toString(MAX_REQUEST_SECONDS));
    setIfAbsent("sun.net.httpserver.maxRspTime", Long.toString(MAX_RESPONSE_SECONDS));
    setIfAbsent("sun.net.httpserver.idleInterval", Long.toString(IDLE_SECONDS));
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
