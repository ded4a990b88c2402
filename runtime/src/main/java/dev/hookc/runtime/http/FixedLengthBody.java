package dev.hookc.runtime.http;

import java.nio.ByteBuffer;

/** A body of a length declared by {@code Content-Length}. */
final class FixedLengthBody implements BodyDecoder {

  private final BodyBuffer buffer;
  private long remaining;

  FixedLengthBody(long length, BodyBudget budget) {
    this.buffer = new BodyBuffer(length, budget);
    this.remaining = length;
  }

  @Override
  public boolean decode(ByteBuffer in) throws RequestRejected {
    int n = (int) Math.min(remaining, in.remaining());
    buffer.append(in, n);
    remaining -= n;
    return remaining == 0;
  }

  @Override
  public long received() {
    return buffer.size();
  }

  @Override
  public byte[] body() {
    return buffer.toArray();
  }

  @Override
  public void release() {
    buffer.release();
  }
}
