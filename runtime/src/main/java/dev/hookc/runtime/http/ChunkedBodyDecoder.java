package dev.hookc.runtime.http;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A body in the chunked transfer coding (RFC 9112 §7.1), decoded as it arrives. Strict where
 * leniency lets two parsers disagree about where a request ends: lines end with CRLF only, a chunk
 * size is hexadecimal digits only, and whitespace may come only before an extension. Extensions and
 * trailer fields are checked and dropped.
 */
final class ChunkedBodyDecoder implements BodyDecoder {

  /** The longest chunk-size line, extensions included. */
  static final int MAX_SIZE_LINE = 4096;

  private static final int SIZE = 0;
  private static final int SIZE_SPACE = 1;
  private static final int EXTENSION = 2;
  private static final int SIZE_LF = 3;
  private static final int DATA = 4;
  private static final int DATA_CR = 5;
  private static final int DATA_LF = 6;
  private static final int TRAILER = 7;
  private static final int TRAILER_LF = 8;
  private static final int DONE = 9;

  private final long limit;
  private final BodyBuffer buffer;
  private int state = SIZE;
  private long chunkSize;
  private int digits;
  private int lineBytes;
  private long remaining;
  private byte[] trailer;
  private int trailerLength;
  private int trailerBytes;
  private int trailerCount;

  ChunkedBodyDecoder(long limit, BodyBudget budget) {
    this.limit = limit;
    this.buffer = new BodyBuffer(-1, budget);
  }

  @Override
  public boolean decode(ByteBuffer in) throws RequestRejected {
    while (in.hasRemaining() && state != DONE) {
      if (state == DATA) {
        int n = (int) Math.min(remaining, in.remaining());
        buffer.append(in, n);
        remaining -= n;
        if (remaining == 0) {
          state = DATA_CR;
        }
        continue;
      }
      step(in.get());
    }
    return state == DONE;
  }

  private void step(byte b) throws RequestRejected {
    switch (state) {
      case SIZE, SIZE_SPACE, EXTENSION -> sizeLine(b);
      case SIZE_LF -> {
        expect(b, '\n');
        if (chunkSize == 0) {
          state = TRAILER;
        } else {
          remaining = chunkSize;
          state = DATA;
        }
        chunkSize = 0;
        digits = 0;
        lineBytes = 0;
      }
      case DATA_CR -> {
        expect(b, '\r');
        state = DATA_LF;
      }
      case DATA_LF -> {
        expect(b, '\n');
        state = SIZE;
      }
      case TRAILER -> trailerByte(b);
      case TRAILER_LF -> {
        expect(b, '\n');
        trailerLine();
      }
      default -> throw new IllegalStateException("state " + state);
    }
  }

  private void sizeLine(byte b) throws RequestRejected {
    if (++lineBytes > MAX_SIZE_LINE) {
      throw bad("a chunk-size line exceeds " + MAX_SIZE_LINE + " bytes");
    }
    if (b == '\r') {
      if (digits == 0 || state == SIZE_SPACE) {
        throw bad("a chunk-size line is malformed");
      }
      state = SIZE_LF;
      return;
    }
    if (state == EXTENSION) {
      if ((b < 0x20 && b != '\t') || b == 0x7f) {
        throw bad("a chunk extension contains a control character");
      }
      return;
    }
    int digit = state == SIZE ? Character.digit(b, 16) : -1;
    if (digit >= 0 && b >= 0) {
      chunkSize = chunkSize * 16 + digit;
      digits++;
      if (chunkSize > limit - buffer.size()) {
        throw new RequestRejected(Rejection.tooLarge(limit));
      }
    } else if (digits > 0 && (b == ' ' || b == '\t')) {
      state = SIZE_SPACE;
    } else if (digits > 0 && b == ';') {
      state = EXTENSION;
    } else {
      throw bad("a chunk size is not a hexadecimal number");
    }
  }

  private void trailerByte(byte b) throws RequestRejected {
    if (b == '\r') {
      state = TRAILER_LF;
      return;
    }
    if (b == '\n') {
      throw bad("a line of the chunked body does not end with CRLF");
    }
    if (trailerBytes + trailerLength >= RequestHeadParser.MAX_HEADER_BYTES) {
      throw new RequestRejected(
          Rejection.headersTooLarge(
              "the trailer section exceeds " + RequestHeadParser.MAX_HEADER_BYTES + " bytes"));
    }
    if (trailer == null) {
      trailer = new byte[128];
    } else if (trailerLength == trailer.length) {
      trailer = Arrays.copyOf(trailer, trailer.length * 2);
    }
    trailer[trailerLength++] = b;
  }

  private void trailerLine() throws RequestRejected {
    if (trailerLength == 0) {
      state = DONE;
      return;
    }
    int colon = RequestHeadParser.checkFieldName(trailer, trailerLength);
    RequestHeadParser.checkFieldValue(trailer, colon + 1, trailerLength);
    if (++trailerCount > RequestHeadParser.MAX_HEADERS) {
      throw new RequestRejected(
          Rejection.headersTooLarge(
              "more than " + RequestHeadParser.MAX_HEADERS + " trailer fields"));
    }
    trailerBytes += trailerLength + 2;
    trailerLength = 0;
    state = TRAILER;
  }

  private static void expect(byte b, char wanted) throws RequestRejected {
    if (b != wanted) {
      throw bad("a line of the chunked body does not end with CRLF");
    }
  }

  private static RequestRejected bad(String detail) {
    return new RequestRejected(Rejection.badRequest(detail));
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
