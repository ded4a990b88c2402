package dev.hookc.runtime;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a whole request body, refusing one longer than a limit. */
final class BodyReader {

  private static final byte[] NONE = new byte[0];

  private BodyReader() {}

  /**
   * The body of a request.
   *
   * @throws HttpProblem 413 before reading anything if the declared length is above {@code limit},
   *     or as soon as a chunked body grows past it
   * @throws IOException if the client goes away while sending
   */
  static byte[] read(Headers headers, InputStream in, long limit) throws IOException {
    String length = headers.getFirst("Content-Length");
    // With Transfer-Encoding present the JDK ignores Content-Length, and so do we.
    if (length != null && !headers.containsKey("Transfer-Encoding")) {
      long declared = parseLength(length);
      if (declared > limit) {
        throw Problems.tooLarge(limit);
      }
      if (declared == 0) {
        return NONE;
      }
      byte[] body = in.readNBytes((int) declared);
      if (body.length < declared) {
        throw new IOException("request body ended early");
      }
      return body;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    for (int n; (n = in.read(buffer)) >= 0; ) {
      total += n;
      if (total > limit) {
        throw Problems.tooLarge(limit);
      }
      out.write(buffer, 0, n);
    }
    return total == 0 ? NONE : out.toByteArray();
  }

  private static long parseLength(String value) {
    try {
      long length = Long.parseLong(value.trim());
      if (length >= 0) {
        return length;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw Problems.badRequest("the Content-Length header is not a valid length");
  }
}
