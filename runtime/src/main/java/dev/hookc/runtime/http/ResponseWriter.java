package dev.hookc.runtime.http;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns a status, headers and body into the bytes of an HTTP/1.1 response: the status line, the
 * given headers, {@code Content-Length} (none for 204 and 304), {@code Date} and, as needed, {@code
 * Connection}.
 */
final class ResponseWriter {

  /** Bodies up to this size are copied behind the head so that one write sends both. */
  private static final int COPY_LIMIT = 16 * 1024;

  private static final String[] REASONS = reasons();

  private byte[] bytes = new byte[256];
  private int length;

  private ResponseWriter() {}

  /**
   * The response, ready to write.
   *
   * @param head whether it answers a HEAD request: the headers of the GET answer, no body
   * @param close whether the connection closes after it
   * @param keepAlive whether to confirm an HTTP/1.0 client's keep-alive
   */
  static PendingOutput write(
      int status,
      Map<String, List<String>> headers,
      byte[] body,
      boolean head,
      boolean close,
      boolean keepAlive) {
    ResponseWriter out = new ResponseWriter();
    out.ascii("HTTP/1.1 ").number(status).ascii(" ").ascii(reason(status)).crlf();
    boolean bodiless = status == 204 || status == 304;
    boolean lengthGiven = false;
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      String name = header.getKey();
      if (isFraming(name)) {
        // The one a GET would carry may be given for HEAD; otherwise the body decides.
        if (!(head && !bodiless && name.equalsIgnoreCase("Content-Length"))) {
          continue;
        }
        lengthGiven = true;
      }
      for (String value : header.getValue()) {
        out.ascii(name).ascii(": ").ascii(value).crlf();
      }
    }
    if (!bodiless && !lengthGiven) {
      out.ascii("Content-Length: ").number(body.length).crlf();
    }
    byte[] date = DateHeader.line();
    out.raw(date, date.length);
    if (close) {
      out.ascii("Connection: close").crlf();
    } else if (keepAlive) {
      out.ascii("Connection: keep-alive").crlf();
    }
    out.crlf();
    if (head || bodiless || body.length == 0) {
      return new PendingOutput(ByteBuffer.wrap(out.bytes, 0, out.length));
    }
    if (body.length <= COPY_LIMIT) {
      out.raw(body, body.length);
      return new PendingOutput(ByteBuffer.wrap(out.bytes, 0, out.length));
    }
    return new PendingOutput(ByteBuffer.wrap(out.bytes, 0, out.length), ByteBuffer.wrap(body));
  }

  /** Whether a response asks for the connection to close. */
  static boolean asksToClose(Map<String, List<String>> headers) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase("Connection")) {
        for (String value : header.getValue()) {
          if (Framing.hasToken(value, "close")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean isFraming(String name) {
    return name.equalsIgnoreCase("Content-Length")
        || name.equalsIgnoreCase("Transfer-Encoding")
        || name.equalsIgnoreCase("Connection")
        || name.equalsIgnoreCase("Date");
  }

  private static String reason(int status) {
    String reason = status < REASONS.length ? REASONS[status] : null;
    return reason == null ? "" : reason;
  }

  private ResponseWriter ascii(String text) {
    int n = text.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      // Header values are ISO-8859-1 on the wire; Response already refused line breaks.
      bytes[length++] = c < 256 ? (byte) c : (byte) '?';
    }
    return this;
  }

  private ResponseWriter number(long value) {
    return ascii(Long.toString(value));
  }

  private ResponseWriter crlf() {
    ensure(2);
    bytes[length++] = '\r';
    bytes[length++] = '\n';
    return this;
  }

  private void raw(byte[] source, int n) {
    ensure(n);
    System.arraycopy(source, 0, bytes, length, n);
    length += n;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }

  private static String[] reasons() {
    String[] reasons = new String[600];
    reasons[200] = "OK";
    reasons[201] = "Created";
    reasons[202] = "Accepted";
    reasons[203] = "Non-Authoritative Information";
    reasons[204] = "No Content";
    reasons[205] = "Reset Content";
    reasons[206] = "Partial Content";
    reasons[300] = "Multiple Choices";
    reasons[301] = "Moved Permanently";
    reasons[302] = "Found";
    reasons[303] = "See Other";
    reasons[304] = "Not Modified";
    reasons[307] = "Temporary Redirect";
    reasons[308] = "Permanent Redirect";
    reasons[400] = "Bad Request";
    reasons[401] = "Unauthorized";
    reasons[402] = "Payment Required";
    reasons[403] = "Forbidden";
    reasons[404] = "Not Found";
    reasons[405] = "Method Not Allowed";
    reasons[406] = "Not Acceptable";
    reasons[407] = "Proxy Authentication Required";
    reasons[408] = "Request Timeout";
    reasons[409] = "Conflict";
    reasons[410] = "Gone";
    reasons[411] = "Length Required";
    reasons[412] = "Precondition Failed";
    reasons[413] = "Content Too Large";
    reasons[414] = "URI Too Long";
    reasons[415] = "Unsupported Media Type";
    reasons[416] = "Range Not Satisfiable";
    reasons[417] = "Expectation Failed";
    reasons[421] = "Misdirected Request";
    reasons[422] = "Unprocessable Content";
    reasons[423] = "Locked";
    reasons[424] = "Failed Dependency";
    reasons[425] = "Too Early";
    reasons[426] = "Upgrade Required";
    reasons[428] = "Precondition Required";
    reasons[429] = "Too Many Requests";
    reasons[431] = "Request Header Fields Too Large";
    reasons[451] = "Unavailable For Legal Reasons";
    reasons[500] = "Internal Server Error";
    reasons[501] = "Not Implemented";
    reasons[502] = "Bad Gateway";
    reasons[503] = "Service Unavailable";
    reasons[504] = "Gateway Timeout";
    reasons[505] = "HTTP Version Not Supported";
    reasons[507] = "Insufficient Storage";
    reasons[511] = "Network Authentication Required";
    return reasons;
  }
}
