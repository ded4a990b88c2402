package dev.hookc.runtime.internal.httpclient;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/** How an attempt that got no answer failed, read from the client's exception. */
enum Failure {
  /** No connection was made (refused, no route, unknown host): the provider saw nothing. */
  NOT_SENT,
  /** The connection broke after the request may have been sent (reset, closed). */
  MAYBE_SENT,
  /** No answer came in time. */
  TIMED_OUT;

  static Failure of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof HttpConnectTimeoutException
          || t instanceof UnresolvedAddressException
          || t instanceof java.net.UnknownHostException) {
        return NOT_SENT;
      }
      if (t instanceof HttpTimeoutException) {
        return TIMED_OUT;
      }
    }
    return MAYBE_SENT;
  }

  /** The failure in a few words, for messages and logs: its type, never a body or header. */
  static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName()
        + (message == null || message.length() > 200 ? "" : ": " + message);
  }

  /** The first {@code type} in {@code failure}'s causes, if any. */
  static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
