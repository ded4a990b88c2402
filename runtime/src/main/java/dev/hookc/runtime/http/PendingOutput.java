package dev.hookc.runtime.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** Response bytes still to be written, in order, by whichever thread gets to write them. */
final class PendingOutput {

  private final ByteBuffer[] buffers;

  PendingOutput(ByteBuffer... buffers) {
    this.buffers = buffers;
  }

  /**
   * Writes what the socket takes now, without waiting.
   *
   * @return whether everything is written
   */
  boolean writeTo(SocketChannel channel) throws IOException {
    if (buffers.length == 1) {
      ByteBuffer only = buffers[0];
      while (only.hasRemaining()) {
        if (channel.write(only) == 0) {
          return false;
        }
      }
      return true;
    }
    while (!finished()) {
      if (channel.write(buffers) == 0) {
        return false;
      }
    }
    return true;
  }

  boolean finished() {
    // Buffers are written in order, so the last one is the last to empty.
    return !buffers[buffers.length - 1].hasRemaining();
  }
}
