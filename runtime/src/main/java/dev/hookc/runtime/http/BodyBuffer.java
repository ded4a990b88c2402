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
  private final BodyBudget budget;
  private byte[] bytes = NONE;
  private int size;
  private long reserved;

  /** A buffer for {@code expected} bytes, or an unknown number when negative. */
  BodyBuffer(long expected, BodyBudget budget) {
    this.expected = expected;
    this.budget = budget;
  }

  /**
   * Appends up to {@code max} bytes from {@code in}.
   *
   * @throws RequestRejected if the memory for them is not in the budget
   */
  void append(ByteBuffer in, int max) throws RequestRejected {
    int n = Math.min(max, in.remaining());
    if (size + n > bytes.length) {
      long wanted =
          bytes.length == 0
              ? (expected < 0 ? Math.max(n, 1024) : Math.min(expected, FIRST_CHUNK))
              : Math.max((long) bytes.length * 2, (long) size + n);
      if (expected >= 0) {
        wanted = Math.min(wanted, expected);
      }
      wanted = Math.max(wanted, (long) size + n);
      budget.reserve(wanted - bytes.length);
      reserved += wanted - bytes.length;
      bytes = Arrays.copyOf(bytes, (int) wanted);
    }
    in.get(bytes, size, n);
    size += n;
  }

  /** Gives the memory back to the budget: the body is complete, or abandoned. */
  void release() {
    budget.release(reserved);
    reserved = 0;
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
