package dev.hookc.runtime.http;

import java.nio.ByteBuffer;

/** Collects a request body as its bytes arrive, whatever its framing. */
interface BodyDecoder {

  /**
   * Takes from {@code in} what belongs to the body, and no more.
   *
   * @return whether the body is complete
   * @throws RequestRejected if the framing is malformed or the body grows past its limit
   */
  boolean decode(ByteBuffer in) throws RequestRejected;

  /** The body bytes received so far, for the minimum data rate. */
  long received();

  /** The whole body, once {@link #decode} returned true. */
  byte[] body();

  /** Gives the body's memory back to the budget of bodies being received. */
  void release();
}
