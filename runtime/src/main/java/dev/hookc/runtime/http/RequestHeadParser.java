package dev.hookc.runtime.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Reads a request line and header section (RFC 9112 §2–5) as their bytes arrive, strictly: lines
 * end with CRLF, one space separates the parts of the request line, a field name is a token
 * followed directly by a colon, no line folding, no control characters in values. Within limits on
 * the request line, the header section and the number of fields.
 */
final class RequestHeadParser {

  static final int MAX_REQUEST_LINE = 8 * 1024;
  static final int MAX_HEADER_BYTES = 64 * 1024;
  static final int MAX_HEADERS = 100;

  /** Empty lines tolerated before a request line (RFC 9112 §2.2), for clients that add one. */
  private static final int MAX_EMPTY_LINES = 8;

  private static final String[] METHODS = {
    "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"
  };
  private static final String[] NAMES = {
    "host",
    "content-length",
    "content-type",
    "transfer-encoding",
    "connection",
    "user-agent",
    "accept",
    "accept-encoding",
    "expect",
    "authorization",
    "webhook-id",
    "webhook-timestamp",
    "webhook-signature",
    "idempotency-key",
  };

  private byte[] line = new byte[128];
  private int length;
  private boolean cr;
  private int emptyLines;
  private boolean methodRead;
  private int headerBytes;
  private String method;
  private String target;
  private int minorVersion;
  private RequestHeaders headers = new RequestHeaders();

  /**
   * Takes bytes from {@code in} up to the end of the head.
   *
   * @return whether the head is complete; the rest of {@code in} is then left unread
   * @throws RequestRejected if the head is malformed or too large
   */
  boolean parse(ByteBuffer in) throws RequestRejected {
    byte[] bytes = in.array();
    int offset = in.arrayOffset();
    int pos = offset + in.position();
    int end = offset + in.limit();
    try {
      while (pos < end) {
        if (cr) {
          if (bytes[pos++] != '\n') {
            throw bad("a line of the request head does not end with CRLF");
          }
          cr = false;
          if (lineEnded()) {
            return true;
          }
          continue;
        }
        int start = pos;
        while (pos < end && bytes[pos] != '\r' && bytes[pos] != '\n') {
          pos++;
        }
        append(bytes, start, pos - start);
        if (pos < end) {
          if (bytes[pos++] == '\n') {
            throw bad("a line of the request head does not end with CRLF");
          }
          cr = true;
        }
      }
      return false;
    } finally {
      in.position(pos - offset);
    }
  }

  String method() {
    return method;
  }

  String target() {
    return target;
  }

  int minorVersion() {
    return minorVersion;
  }

  RequestHeaders headers() {
    return headers;
  }

  /** Forgets the head just read, for the next request on the connection. */
  void reset() {
    if (line.length > 1024) {
      line = new byte[128]; // a long line once need not stay with an idle connection
    }
    length = 0;
    cr = false;
    emptyLines = 0;
    methodRead = false;
    headerBytes = 0;
    method = null;
    target = null;
    minorVersion = 0;
    headers = new RequestHeaders();
  }

  private void append(byte[] bytes, int from, int n) throws RequestRejected {
    if (n == 0) {
      return;
    }
    if (method == null) {
      if (length + n > MAX_REQUEST_LINE) {
        throw new RequestRejected(Rejection.uriTooLong(MAX_REQUEST_LINE));
      }
    } else if (headerBytes + length + n > MAX_HEADER_BYTES) {
      throw new RequestRejected(
          Rejection.headersTooLarge("the header section exceeds " + MAX_HEADER_BYTES + " bytes"));
    }
    if (length + n > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
    }
    System.arraycopy(bytes, from, line, length, n);
    int appended = length;
    length += n;
    if (method == null) {
      checkMethodSoFar(appended);
    }
  }

  /**
   * Refuses a request line as soon as its method has a byte no method can have, rather than when
   * the line ends: a TLS handshake or other binary sent to the plain port may never send a CRLF,
   * and would otherwise hold its connection until the head's deadline.
   */
  private void checkMethodSoFar(int from) throws RequestRejected {
    for (int i = from; i < length && !methodRead; i++) {
      if (line[i] == ' ') {
        methodRead = true;
      } else if (!isTokenChar(line[i])) {
        throw bad("the request line does not start with a method; is this plain HTTP?");
      }
    }
  }

  /** Handles the line just ended; true when it was the empty line that ends the head. */
  private boolean lineEnded() throws RequestRejected {
    if (method == null) {
      if (length == 0) {
        if (++emptyLines > MAX_EMPTY_LINES) {
          throw bad("the request line is missing");
        }
        return false;
      }
      requestLine();
    } else if (length == 0) {
      return true;
    } else {
      headerLine();
    }
    length = 0;
    return false;
  }

  private void requestLine() throws RequestRejected {
    int firstSpace = indexOf(' ', 0);
    int secondSpace = firstSpace < 0 ? -1 : indexOf(' ', firstSpace + 1);
    if (firstSpace <= 0 || secondSpace < 0) {
      throw bad("the request line is not <method> <target> HTTP/<version>");
    }
    for (int i = 0; i < firstSpace; i++) {
      if (!isTokenChar(line[i])) {
        throw bad("the request method is not a token");
      }
    }
    int v = secondSpace + 1;
    if (length - v != 8
        || line[v] != 'H'
        || line[v + 1] != 'T'
        || line[v + 2] != 'T'
        || line[v + 3] != 'P'
        || line[v + 4] != '/'
        || !isDigit(line[v + 5])
        || line[v + 6] != '.'
        || !isDigit(line[v + 7])) {
      throw bad("the request line is not <method> <target> HTTP/<version>");
    }
    if (line[v + 5] != '1') {
      throw new RequestRejected(Rejection.versionNotSupported());
    }
    // A later HTTP/1.x is answered as 1.1 (RFC 9110 §6.2).
    minorVersion = line[v + 7] == '0' ? 0 : 1;
    if (secondSpace == firstSpace + 1) {
      throw bad("the request target is empty");
    }
    target = new String(line, firstSpace + 1, secondSpace - firstSpace - 1, ISO_8859_1);
    method = knownMethod(firstSpace);
  }

  private void headerLine() throws RequestRejected {
    if (line[0] == ' ' || line[0] == '\t') {
      throw bad("a header line is folded onto the one before");
    }
    int colon = checkFieldName(line, length);
    int start = checkFieldValue(line, colon + 1, length);
    int end = length;
    while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t')) {
      end--;
    }
    if (headers.size() == MAX_HEADERS) {
      throw new RequestRejected(
          Rejection.headersTooLarge("the request has more than " + MAX_HEADERS + " header fields"));
    }
    headers.add(knownName(colon), new String(line, start, end - start, ISO_8859_1));
    headerBytes += length + 2;
  }

  /**
   * Checks that a field line starts with a token directly followed by a colon.
   *
   * @return the index of the colon
   */
  static int checkFieldName(byte[] line, int length) throws RequestRejected {
    int i = 0;
    while (i < length && isTokenChar(line[i])) {
      i++;
    }
    if (i == length) {
      throw bad("a header line has no colon");
    }
    if (i == 0 || line[i] != ':') {
      throw bad("a header name is not a token directly followed by a colon");
    }
    return i;
  }

  /**
   * Checks a field value for control characters.
   *
   * @return the index of its first byte after leading whitespace
   */
  static int checkFieldValue(byte[] line, int from, int length) throws RequestRejected {
    int start = from;
    while (start < length && (line[start] == ' ' || line[start] == '\t')) {
      start++;
    }
    for (int i = start; i < length; i++) {
      byte b = line[i];
      // Bytes of 0x80 and above are obs-text, which is allowed and read as ISO-8859-1.
      if ((b >= 0 && b < 0x20 && b != '\t') || b == 0x7f) {
        throw bad("a header value contains a control character");
      }
    }
    return start;
  }

  private String knownMethod(int end) {
    for (String known : METHODS) {
      if (matches(known, 0, end, false)) {
        return known;
      }
    }
    return new String(line, 0, end, ISO_8859_1);
  }

  private String knownName(int end) {
    for (String known : NAMES) {
      if (matches(known, 0, end, true)) {
        return known;
      }
    }
    char[] name = new char[end];
    for (int i = 0; i < end; i++) {
      byte b = line[i];
      name[i] = (char) (b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
    }
    return new String(name);
  }

  private boolean matches(String known, int from, int end, boolean ignoreCase) {
    if (known.length() != end - from) {
      return false;
    }
    for (int i = 0; i < known.length(); i++) {
      int b = line[from + i];
      if (ignoreCase && b >= 'A' && b <= 'Z') {
        b += 'a' - 'A';
      }
      if (b != known.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private int indexOf(char c, int from) {
    for (int i = from; i < length; i++) {
      if (line[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  static boolean isTokenChar(byte b) {
    return (b >= 'a' && b <= 'z')
        || (b >= 'A' && b <= 'Z')
        || (b >= '0' && b <= '9')
        || (b > ' ' && b < 0x7f && "!#$%&'*+-.^_`|~".indexOf(b) >= 0);
  }

  private static RequestRejected bad(String detail) {
    return new RequestRejected(Rejection.badRequest(detail));
  }
}
