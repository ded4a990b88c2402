package dev.hookc.runtime.http;

/** What the transport calls for each request; all three methods must answer or return quickly. */
public interface HttpApplication {

  /**
   * Routes the request once its head has arrived, on the selector thread, before its body is read;
   * the answer may be kept with {@link Exchange#attach}.
   *
   * @return how many body bytes the request may have, or a negative number when it will be answered
   *     without its body (no route takes it); a body it declares is then not read, and the
   *     connection closes after the answer
   */
  long route(Exchange exchange);

  /**
   * Answers a complete request with {@link Exchange#respond}: on a worker when {@link
   * Exchange#admitted()}, otherwise on the selector thread, where it must not block.
   */
  void handle(Exchange exchange);

  /**
   * Answers, with {@link Exchange#respond} and on the selector thread, a request the transport
   * refused; {@code exchange} may lack the method and path if they were never read.
   */
  void reject(Exchange exchange, Rejection rejection);
}
