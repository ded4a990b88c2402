package dev.hookc.runtime.http;

import java.util.Locale;

/**
 * How a request's body is delimited and whether its connection stays open, decided from its head as
 * RFC 9112 §6 and §9 prescribe, refusing every head that two parsers could read differently: a
 * repeated or malformed {@code Content-Length}, {@code Content-Length} together with {@code
 * Transfer-Encoding}, a transfer coding other than one final {@code chunked}, and {@code
 * Transfer-Encoding} in HTTP/1.0.
 *
 * @param contentLength the declared length, or -1 when there is none
 * @param chunked whether the body is chunked
 * @param keepAlive whether the client lets the connection stay open after the answer
 * @param expectContinue whether the client waits for {@code 100 Continue} before sending the body
 */
record Framing(long contentLength, boolean chunked, boolean keepAlive, boolean expectContinue) {

  /** Whether a body follows the head. */
  boolean hasBody() {
    return chunked || contentLength > 0;
  }

  static Framing of(int minorVersion, RequestHeaders headers) throws RequestRejected {
    int hosts = 0;
    String length = null;
    String codings = null;
    String expect = null;
    boolean close = false;
    boolean keepAlive = false;
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String value = headers.value(i);
      switch (name) {
        case "host" -> hosts++;
        case "content-length" -> {
          if (length != null) {
            throw bad("the request has more than one Content-Length");
          }
          length = value;
        }
        case "transfer-encoding" -> codings = codings == null ? value : codings + "," + value;
        case "connection" -> {
          close |= hasToken(value, "close");
          keepAlive |= hasToken(value, "keep-alive");
        }
        case "expect" -> expect = value;
        default -> {
          // not about framing
        }
      }
    }
    if (minorVersion == 1 && hosts != 1) {
      throw bad("an HTTP/1.1 request must have exactly one Host header");
    }
    long declared = -1;
    boolean chunked = false;
    if (codings != null) {
      if (minorVersion == 0) {
        throw bad("Transfer-Encoding is not allowed in HTTP/1.0");
      }
      if (length != null) {
        throw bad("the request has both Content-Length and Transfer-Encoding");
      }
      chunked = checkCodings(codings);
    } else if (length != null) {
      declared = parseLength(length);
    }
    boolean persistent = minorVersion == 1 ? !close : keepAlive && !close;
    boolean expectContinue = false;
    if (expect != null && minorVersion == 1) {
      // An HTTP/1.0 client cannot mean it (RFC 9110 §10.1.1).
      if (!expect.equalsIgnoreCase("100-continue")) {
        throw new RequestRejected(Rejection.expectationFailed(expect));
      }
      expectContinue = true;
    }
    return new Framing(declared, chunked, persistent, expectContinue);
  }

  /** Whether the comma-separated list {@code value} has {@code token}, in any case. */
  static boolean hasToken(String value, String token) {
    for (String part : value.split(",", -1)) {
      if (part.strip().equalsIgnoreCase(token)) {
        return true;
      }
    }
    return false;
  }

  private static boolean checkCodings(String codings) throws RequestRejected {
    String[] list = codings.split(",", -1);
    for (int i = 0; i < list.length; i++) {
      String coding = list[i].strip().toLowerCase(Locale.ROOT);
      boolean last = i == list.length - 1;
      if (last && !coding.equals("chunked")) {
        throw bad("the final transfer coding must be chunked");
      }
      if (!last) {
        if (coding.equals("chunked")) {
          throw bad("chunked may only be the final transfer coding");
        }
        if (coding.isEmpty() || !isToken(coding)) {
          throw bad("Transfer-Encoding is malformed");
        }
        throw new RequestRejected(
            Rejection.notImplemented("the transfer coding " + coding + " is not supported"));
      }
    }
    return true;
  }

  private static long parseLength(String value) throws RequestRejected {
    if (value.isEmpty()) {
      throw badLength();
    }
    long length = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        throw badLength();
      }
      // Beyond any body limit anyway: kept at the maximum rather than overflowing.
      length = length > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : length * 10 + (c - '0');
    }
    return length;
  }

  private static boolean isToken(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80 || !RequestHeadParser.isTokenChar((byte) c)) {
        return false;
      }
    }
    return true;
  }

  private static RequestRejected badLength() {
    return bad("the Content-Length header is not a valid length");
  }

  private static RequestRejected bad(String detail) {
    return new RequestRejected(Rejection.badRequest(detail));
  }
}
