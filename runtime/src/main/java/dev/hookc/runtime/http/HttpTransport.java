package dev.hookc.runtime.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;

/**
 * A running HTTP/1.1 server: one selector thread that accepts and reads requests without blocking,
 * and workers that handle complete requests, at most {@code maxConcurrentRequests} at once.
 *
 * <p>A request occupies a slot only from the moment it is complete until its handler returns:
 * reading its head and body, and writing the answer to a slow reader, cost a buffer and a socket,
 * never a slot.
 */
public final class HttpTransport {

  private static final int BACKLOG = 1024;

  private final SelectorLoop loop;
  private final Thread thread;
  private final Workers workers;
  private final InetSocketAddress address;

  private HttpTransport(
      SelectorLoop loop, Thread thread, Workers workers, InetSocketAddress address) {
    this.loop = loop;
    this.thread = thread;
    this.workers = workers;
    this.address = address;
  }

  /** Binds to the settings' address and starts serving {@code application}. */
  public static HttpTransport start(TransportSettings settings, HttpApplication application)
      throws IOException {
    Workers workers = new Workers(settings.maxConcurrentRequests());
    ServerSocketChannel server = null;
    Selector selector = null;
    try {
      server = ServerSocketChannel.open();
      server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      server.bind(new InetSocketAddress(settings.host(), settings.port()), BACKLOG);
      server.configureBlocking(false);
      selector = Selector.open();
      server.register(selector, SelectionKey.OP_ACCEPT);
      InetSocketAddress address = (InetSocketAddress) server.getLocalAddress();
      SelectorLoop loop = new SelectorLoop(selector, server, settings, application, workers);
      // Not a daemon: like the JDK server's dispatcher, it keeps the application running.
      Thread thread = new Thread(loop, "hookc-http-" + address.getPort());
      thread.start();
      return new HttpTransport(loop, thread, workers, address);
    } catch (IOException | RuntimeException e) {
      workers.shutdownNow();
      if (selector != null) {
        selector.close();
      }
      if (server != null) {
        server.close();
      }
      throw e;
    }
  }

  /** The address the server listens on, with the port chosen when port 0 was asked for. */
  public InetSocketAddress address() {
    return address;
  }

  /**
   * Admits no more requests (each is then answered as {@link Exchange#stopping()}) and waits up to
   * {@code grace} for the admitted ones to be answered. The listener stays open meanwhile.
   *
   * @return whether they were all answered in time
   */
  public boolean drain(Duration grace) {
    return loop.drain(grace);
  }

  /** Closes the listener and every connection, and interrupts handlers still running. */
  public void close() {
    loop.close();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.shutdownNow();
  }
}
