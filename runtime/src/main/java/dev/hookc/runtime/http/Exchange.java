package dev.hookc.runtime.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request, complete with its body, and the slot for its answer.
 *
 * <p>Created on the selector thread; handled on one thread at a time, and the transport writes the
 * answer once {@link HttpApplication#handle} or {@link HttpApplication#reject} has returned.
 */
public final class Exchange {

  private static final byte[] NONE = new byte[0];
  private static final RequestHeaders NO_HEADERS = new RequestHeaders();

  private final String method;
  private final String path;
  private final String query;
  private final RequestHeaders headers;
  private final boolean persistent;
  private final boolean http10;
  private byte[] body = NONE;
  private boolean admitted;
  private boolean stopping;
  private boolean mustClose;
  private Object attachment;
  private PendingOutput output;
  private boolean closeAfter;
  private boolean settled;

  Exchange(
      String method,
      String path,
      String query,
      RequestHeaders headers,
      boolean persistent,
      boolean http10) {
    this.method = method;
    this.path = path;
    this.query = query;
    this.headers = headers;
    this.persistent = persistent;
    this.http10 = http10;
  }

  /** An exchange for a request refused before its method and path were known, or without them. */
  static Exchange refused(String method, String path) {
    Exchange exchange = new Exchange(method, path, null, NO_HEADERS, false, false);
    exchange.mustClose = true;
    return exchange;
  }

  /** The method as sent, such as {@code POST}; null for a request refused before it was read. */
  public String method() {
    return method;
  }

  /**
   * The raw path, still percent-encoded, without the query; {@code *} for {@code OPTIONS *}; null
   * for a request refused before it was read.
   */
  public String path() {
    return path;
  }

  /** The raw query after {@code ?}, or null when there is none. */
  public String query() {
    return query;
  }

  public RequestHeaders headers() {
    return headers;
  }

  /** The whole body as received, not copied; empty when there is none. */
  public byte[] body() {
    return body;
  }

  /**
   * Whether this request holds one of the {@code maxConcurrentRequests} slots and runs on a worker;
   * false when none was free or the server is stopping, and it is answered on the selector thread.
   */
  public boolean admitted() {
    return admitted;
  }

  /** Whether the server is stopping, so that the request was not admitted for that reason. */
  public boolean stopping() {
    return stopping;
  }

  /** What {@link #attach} kept, such as the route found for the request. */
  public Object attachment() {
    return attachment;
  }

  public void attach(Object attachment) {
    this.attachment = attachment;
  }

  /**
   * Sets the answer. The transport adds {@code Content-Length} (none for 204 and 304), {@code Date}
   * and {@code Connection}, ignoring those and {@code Transfer-Encoding} among {@code headers};
   * {@code Connection: close} among them closes the connection after the answer. A {@code HEAD}
   * request gets the headers without the body.
   */
  public void respond(int status, Map<String, List<String>> headers, byte[] body) {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    if (output != null) {
      throw new IllegalStateException("already answered");
    }
    closeAfter = mustClose || !persistent || ResponseWriter.asksToClose(headers);
    output =
        ResponseWriter.write(
            status, headers, body, "HEAD".equals(method), closeAfter, http10 && !closeAfter);
  }

  void body(byte[] body) {
    this.body = body;
  }

  void admit(boolean admitted, boolean stopping) {
    this.admitted = admitted;
    this.stopping = stopping;
  }

  /** Closes the connection after the answer, as when a declared body was left unread. */
  void closeAfterAnswer() {
    mustClose = true;
  }

  /** The answer's bytes, or null if nobody answered. */
  PendingOutput output() {
    return output;
  }

  boolean closeAfter() {
    return closeAfter;
  }

  /**
   * Marks an admitted exchange as finished for the drain count, once; true the first time. Selector
   * thread only.
   */
  boolean settle() {
    if (!admitted || settled) {
      return false;
    }
    settled = true;
    return true;
  }
}
