package dev.hookc.runtime.http;

/** Thrown while reading a request that the transport answers with a {@link Rejection}. */
final class RequestRejected extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Rejection rejection;

  RequestRejected(Rejection rejection) {
    // The sender's mistake, not a fault in the server: no stack trace to fill in.
    super(rejection.detail(), null, false, false);
    this.rejection = rejection;
  }

  Rejection rejection() {
    return rejection;
  }
}
