package dev.hookc.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Concurrent HTTP/1.1 senders on loopback for the throughput benchmarks: each a thread with one
 * keep-alive connection on a blocking socket, writing the bytes its {@link Requests} built and
 * reading back only each response's status. A sender that pays for no HTTP client library costs the
 * shared cores as little as it can, so that the server, not the load generator, is measured.
 *
 * <p>Only answers with the expected status are counted as acknowledged; any other answer, or a
 * connection that fails, is counted as wrong, and a run with a wrong answer is not a valid run.
 */
final class LoopbackSenders {
  /** The bytes of one sender's requests; called on that sender's thread only. */
  @FunctionalInterface
  interface Requests {
    /** The whole {@code n}-th request of this sender (0, 1, ...): head and body. */
    byte[] request(long n);
  }

  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong wrong = new AtomicLong();
  private final AtomicReference<String> firstWrong = new AtomicReference<>();
  private final List<Thread> threads = new ArrayList<>();

  private LoopbackSenders() {}

  /**
   * Starts {@code count} senders to {@code 127.0.0.1:port}; sender {@code s} sends what {@code
   * requests.apply(s)} builds, and counts answers with status {@code expected} as acknowledged.
   */
  static LoopbackSenders start(int port, int count, int expected, IntFunction<Requests> requests) {
    LoopbackSenders senders = new LoopbackSenders();
    for (int s = 0; s < count; s++) {
      Requests own = requests.apply(s);
      Thread t = new Thread(() -> senders.send(port, expected, own), "sender-" + s);
      senders.threads.add(t);
      t.start();
    }
    return senders;
  }

  /** Answers with the expected status so far. */
  long acknowledged() {
    return acknowledged.get();
  }

  /** Other answers and failed connections so far. */
  long wrong() {
    return wrong.get();
  }

  /** What the first wrong answer was, or null. */
  String firstWrong() {
    return firstWrong.get();
  }

  /** Stops the senders once their requests in flight have been answered. */
  void stop() throws InterruptedException {
    stop.set(true);
    for (Thread t : threads) {
      t.join(30_000);
    }
  }

  /** {@code head} (ending in the blank line) and {@code body} as one request. */
  static byte[] request(String head, byte[] body) {
    byte[] start = head.getBytes(StandardCharsets.ISO_8859_1);
    byte[] message = new byte[start.length + body.length];
    System.arraycopy(start, 0, message, 0, start.length);
    System.arraycopy(body, 0, message, start.length, body.length);
    return message;
  }

  private void send(int port, int expected, Requests requests) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setTcpNoDelay(true);
      // An answer that never comes fails the run instead of hanging it.
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      for (long n = 0; !stop.get(); n++) {
        out.write(requests.request(n));
        out.flush();
        int status = readStatus(in, buffer);
        if (status == expected) {
          acknowledged.incrementAndGet();
        } else {
          wrong.incrementAndGet();
          firstWrong.compareAndSet(null, "status " + status);
        }
      }
    } catch (IOException | RuntimeException e) {
      wrong.incrementAndGet();
      firstWrong.compareAndSet(null, e.toString());
    }
  }

  /**
   * Reads one response (head and a Content-Length body) into {@code buffer}: its status. Reads in
   * blocks rather than bytes, so that the senders cost the shared cores as little as they can.
   */
  private static int readStatus(InputStream in, byte[] buffer) throws IOException {
    int have = 0;
    int headEnd = -1;
    while (headEnd < 0) {
      if (have == buffer.length) {
        throw new IOException("response head larger than " + buffer.length + " bytes");
      }
      int n = in.read(buffer, have, buffer.length - have);
      if (n < 0) {
        throw new IOException("connection closed");
      }
      have += n;
      headEnd = indexOf(buffer, have, "\r\n\r\n");
    }
    String head = new String(buffer, 0, headEnd, StandardCharsets.ISO_8859_1);
    int length = 0;
    int at = head.toLowerCase(Locale.ROOT).indexOf("\r\ncontent-length:");
    if (at >= 0) {
      int from = at + 17;
      int to = head.indexOf('\r', from);
      length = Integer.parseInt(head.substring(from, to < 0 ? head.length() : to).trim());
    }
    for (int missing = headEnd + 4 + length - have; missing > 0; ) {
      int n = in.read(buffer, 0, Math.min(missing, buffer.length));
      if (n < 0) {
        throw new IOException("connection closed");
      }
      missing -= n;
    }
    return Integer.parseInt(head.substring(9, 12));
  }

  private static int indexOf(byte[] bytes, int length, String what) {
    outer:
    for (int i = 0; i + what.length() <= length; i++) {
      for (int j = 0; j < what.length(); j++) {
        if (bytes[i + j] != what.charAt(j)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
