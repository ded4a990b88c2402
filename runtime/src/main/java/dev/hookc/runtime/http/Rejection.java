package dev.hookc.runtime.http;

/**
 * Why the transport refuses a request before any handler sees it, for the application to answer as
 * a problem. The transport closes the connection after the answer.
 *
 * @param status the HTTP status, 4xx or 5xx
 * @param title the status's reason phrase
 * @param type a short stable name for the problem type, such as {@code bad-request}
 * @param detail what exactly was wrong, in words meant for the sender
 */
public record Rejection(int status, String title, String type, String detail) {

  static Rejection badRequest(String detail) {
    return new Rejection(400, "Bad Request", "bad-request", detail);
  }

  static Rejection timeout(String detail) {
    return new Rejection(408, "Request Timeout", "request-timeout", detail);
  }

  static Rejection tooLarge(long limit) {
    return new Rejection(
        413,
        "Content Too Large",
        "content-too-large",
        "the request body exceeds the limit of " + limit + " bytes");
  }

  static Rejection uriTooLong(int limit) {
    return new Rejection(
        414, "URI Too Long", "uri-too-long", "the request line exceeds " + limit + " bytes");
  }

  static Rejection expectationFailed(String expectation) {
    return new Rejection(
        417,
        "Expectation Failed",
        "expectation-failed",
        "the expectation is not supported: " + expectation);
  }

  static Rejection headersTooLarge(String detail) {
    return new Rejection(431, "Request Header Fields Too Large", "header-fields-too-large", detail);
  }

  static Rejection notImplemented(String detail) {
    return new Rejection(501, "Not Implemented", "not-implemented", detail);
  }

  static Rejection tooManyConnections() {
    return new Rejection(
        503,
        "Service Unavailable",
        "too-many-connections",
        "too many connections are open; retry after the given delay");
  }

  static Rejection versionNotSupported() {
    return new Rejection(
        505,
        "HTTP Version Not Supported",
        "http-version-not-supported",
        "only HTTP/1.1 and HTTP/1.0 are supported");
  }
}
