package dev.hookc.runtime.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The {@code Date} header line of responses (RFC 9110 IMF-fixdate), formatted once a second. */
final class DateHeader {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  // Never compared or hashed, so the array's identity equality cannot mislead.
  @SuppressWarnings("ArrayRecordComponent")
  private record Line(long second, byte[] bytes) {}

  private static volatile Line current = new Line(Long.MIN_VALUE, new byte[0]);

  private DateHeader() {}

  /** {@code Date: Tue, 03 Jun 2008 11:05:30 GMT\r\n} for the current second. */
  static byte[] line() {
    long second = System.currentTimeMillis() / 1000;
    Line line = current;
    if (line.second != second) {
      // Racing threads format the same second; either result may stay.
      String text = "Date: " + FORMAT.format(Instant.ofEpochSecond(second)) + "\r\n";
      line = new Line(second, text.getBytes(ISO_8859_1));
      current = line;
    }
    return line.bytes;
  }
}
