package dev.hookc.runtime.http;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bytes of one request body as they arrive. It grows with what was received rather than with
 * what was declared, so that a sender that declares a large body and sends it slowly costs only
 * what it sent.
 */
final class BodyBuffer {

  private static final byte[] NONE = new byte[0];
  private static final int FIRST_CHUNK = 64 * 1024;

  private final long expected;
  private byte[] bytes;
  private int size;

  /** A buffer for {@code expected} bytes, or an unknown number when negative. */
  BodyBuffer(long expected) {
    this.expected = expected;
    int first = expected < 0 ? 1024 : (int) Math.min(expected, FIRST_CHUNK);
    this.bytes = first == 0 ? NONE : new byte[first];
  }

  /** Appends up to {@code max} bytes from {@code in}. */
  void append(ByteBuffer in, int max) {
    int n = Math.min(max, in.remaining());
    if (size + n > bytes.length) {
      long wanted = Math.max((long) bytes.length * 2, (long) size + n);
      if (expected >= 0) {
        wanted = Math.min(wanted, expected);
      }
      bytes = Arrays.copyOf(bytes, (int) Math.min(wanted, Integer.MAX_VALUE - 8));
    }
    in.get(bytes, size, n);
    size += n;
  }

  int size() {
    return size;
  }

  /** The body, trimmed to what arrived. */
  byte[] toArray() {
    if (size == 0) {
      return NONE;
    }
    return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
  }
}
