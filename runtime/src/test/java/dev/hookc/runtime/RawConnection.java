package dev.hookc.runtime;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** One client connection over a plain socket, for requests no HTTP client would send. */
final class RawConnection implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RawConnection(Socket socket) throws IOException {
    this.socket = socket;
    socket.setSoTimeout(10_000);
    this.in = new BufferedInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  /** A connection to {@code port} on 127.0.0.1. */
  static RawConnection open(int port) throws IOException {
    return open(port, null);
  }

  /** A connection to {@code port} on 127.0.0.1 from {@code local}, such as 127.0.0.2. */
  static RawConnection open(int port, InetAddress local) throws IOException {
    Socket socket = new Socket();
    if (local != null) {
      socket.bind(new InetSocketAddress(local, 0));
    }
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
    return new RawConnection(socket);
  }

  RawConnection send(String text) throws IOException {
    return send(text.getBytes(ISO_8859_1));
  }

  RawConnection send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /**
   * Sends {@code bytes} from another thread, so that a server which answers before reading them all
   * cannot block the test; a reset while sending is ignored, the answer is what is asserted.
   */
  RawConnection sendInBackground(byte[] bytes) {
    Thread writer =
        new Thread(
            () -> {
              try {
                send(bytes);
              } catch (IOException e) {
                // the server stopped reading; the response tells whether it answered first
              }
            },
            "raw-writer");
    writer.setDaemon(true);
    writer.start();
    return this;
  }

  /** Reads one response; fails if none arrives within 10 s. */
  TestServer.RawResponse read() throws IOException {
    return TestServer.RawResponse.read(in);
  }

  /** Reads one response, waiting at most {@code timeout}. */
  TestServer.RawResponse read(Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
    try {
      return read();
    } finally {
      socket.setSoTimeout(10_000);
    }
  }

  /**
   * Whether the server closed the connection within {@code timeout} without sending anything more:
   * end of stream or a reset, but no byte and no timeout.
   */
  boolean closedByServer(Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
    try {
      return in.read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset
    }
  }

  /** Reads until the server closes the connection (or resets it) and counts the bytes. */
  long bytesUntilClosed() throws IOException {
    long total = 0;
    byte[] buffer = new byte[65536];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        total += n;
      }
    } catch (SocketTimeoutException e) {
      throw e;
    } catch (IOException e) {
      // reset: closed all the same
    }
    return total;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
