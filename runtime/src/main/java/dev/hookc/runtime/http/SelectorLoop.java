package dev.hookc.runtime.http;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one thread that accepts connections and reads requests, without ever blocking: it drives
 * every {@link Connection}, runs what workers hand back, enforces time limits, and hands complete
 * requests to a worker when a slot is free (or answers them itself when none is).
 */
final class SelectorLoop implements Runnable {

  private static final System.Logger LOG = System.getLogger("dev.hookc.runtime.http");
  private static final int READ_BUFFER = 64 * 1024;

  private final Selector selector;
  private final ServerSocketChannel server;
  private final TransportSettings settings;
  private final HttpApplication application;
  private final Workers workers;
  private final AddressCounter perAddress;
  private final BodyBudget bodyBudget;
  private final List<Connection> connections = new ArrayList<>();
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean selecting = new AtomicBoolean();
  private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER);
  private final Deadlines deadlines;
  private final long sweepNanos;
  private final InFlight inFlight = new InFlight();
  private volatile boolean closing;
  private long now = System.nanoTime();
  private long nextSweep;

  SelectorLoop(
      Selector selector,
      ServerSocketChannel server,
      TransportSettings settings,
      HttpApplication application,
      Workers workers) {
    this.selector = selector;
    this.server = server;
    this.settings = settings;
    this.application = application;
    this.workers = workers;
    this.perAddress = new AddressCounter(settings.maxConnectionsPerAddress());
    this.bodyBudget = new BodyBudget(settings.maxBufferedBodyBytes());
    this.deadlines = new Deadlines(settings);
    this.sweepNanos = deadlines.checkEvery();
  }

  @Override
  public void run() {
    try {
      while (!closing) {
        selecting.set(true);
        if (tasks.isEmpty()) {
          selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(sweepNanos)));
        } else {
          selector.selectNow();
        }
        selecting.set(false);
        now = System.nanoTime();
        runTasks();
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          handle(key);
        }
        if (now - nextSweep >= 0) {
          sweep();
          nextSweep = now + sweepNanos;
        }
      }
    } catch (IOException | RuntimeException | Error e) {
      LOG.log(Level.ERROR, "the HTTP selector loop failed; closing every connection", e);
    } finally {
      closeEverything();
    }
  }

  /** Runs {@code task} on the selector thread soon, waking it if it waits. */
  void post(Runnable task) {
    tasks.add(task);
    if (selecting.compareAndSet(true, false)) {
      selector.wakeup();
    }
  }

  /** Admits no more requests and waits up to {@code grace} for admitted ones to be answered. */
  boolean drain(Duration grace) {
    return inFlight.drain(grace);
  }

  /** Stops the loop, which closes the listener and every connection as it ends. */
  void close() {
    closing = true;
    selector.wakeup();
  }

  long now() {
    return now;
  }

  Deadlines deadlines() {
    return deadlines;
  }

  HttpApplication application() {
    return application;
  }

  Workers workers() {
    return workers;
  }

  BodyBudget bodyBudget() {
    return bodyBudget;
  }

  ByteBuffer readBuffer() {
    return readBuffer;
  }

  long route(Exchange exchange) {
    try {
      return application.route(exchange);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "routing failed", e);
      return -1;
    }
  }

  /** Hands a complete request to a worker if a slot is free, or answers it here. */
  void dispatch(Connection connection, Exchange exchange) {
    boolean stopping = inFlight.stopping();
    boolean admitted = !stopping && workers.tryAcquire();
    exchange.admit(admitted, stopping);
    if (admitted) {
      inFlight.begin();
      try {
        workers.execute(() -> connection.answerOnWorker(exchange));
        return;
      } catch (RejectedExecutionException e) {
        workers.release();
        settle(exchange);
        exchange.admit(false, true);
      }
    }
    connection.answerHere();
  }

  /** Counts an admitted exchange as finished, once. */
  void settle(Exchange exchange) {
    inFlight.settle(exchange);
  }

  void closed(Connection connection) {
    int last = connections.size() - 1;
    Connection moved = connections.get(last);
    connections.set(connection.index, moved);
    moved.index = connection.index;
    connections.remove(last);
    connection.index = -1;
    perAddress.remove(connection.address());
  }

  private void runTasks() {
    for (Runnable task; (task = tasks.poll()) != null; ) {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "a connection task failed", e);
      }
    }
  }

  private void handle(SelectionKey key) {
    if (!key.isValid()) {
      return;
    }
    if (key.attachment() == null) {
      accept();
      return;
    }
    Connection connection = (Connection) key.attachment();
    try {
      int ready = key.readyOps();
      if ((ready & SelectionKey.OP_WRITE) != 0) {
        connection.onWritable();
      }
      if (key.isValid() && (ready & SelectionKey.OP_READ) != 0) {
        connection.onReadable();
      }
    } catch (IOException e) {
      connection.close();
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "a connection failed", e);
      connection.close();
    }
  }

  private void accept() {
    // A bounded batch, so that a flood of connections cannot starve the ones already open.
    for (int i = 0; i < 256; i++) {
      SocketChannel channel;
      try {
        channel = server.accept();
      } catch (IOException e) {
        // For example out of file descriptors: the backlog waits until the next round.
        LOG.log(Level.WARNING, "accepting a connection failed: {0}", e.toString());
        return;
      }
      if (channel == null) {
        return;
      }
      try {
        open(channel);
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "opening a connection failed", e);
        closeQuietly(channel);
      }
    }
  }

  private void open(SocketChannel channel) {
    try {
      channel.configureBlocking(false);
      // Without TCP_NODELAY a response written in two parts meets the client's delayed ACK.
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      InetAddress address = ((InetSocketAddress) channel.getRemoteAddress()).getAddress();
      if (connections.size() >= settings.maxConnections() || !perAddress.tryAdd(address)) {
        refuse(channel);
        return;
      }
      Connection connection = new Connection(this, channel, address);
      connection.index = connections.size();
      connections.add(connection);
      try {
        connection.register(selector);
      } catch (IOException | RuntimeException e) {
        connection.close();
      }
    } catch (IOException e) {
      closeQuietly(channel);
    }
  }

  /**
   * Answers a connection over a cap with 503 and closes it, best effort and without waiting: what
   * the client already sent is read and dropped first, so that closing sends no reset over it.
   */
  private void refuse(SocketChannel channel) {
    try {
      readBuffer.clear();
      channel.read(readBuffer);
      Exchange refused = Exchange.refused(null, null);
      application.reject(refused, Rejection.tooManyConnections());
      if (refused.output() != null) {
        refused.output().writeTo(channel);
      }
    } catch (IOException | RuntimeException e) {
      // best effort
    } finally {
      closeQuietly(channel);
    }
  }

  private void sweep() {
    // Backwards, since a connection that closes moves the last one into its place.
    for (int i = connections.size() - 1; i >= 0; i--) {
      Connection connection = connections.get(i);
      try {
        connection.checkDeadline(now);
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "a connection failed", e);
        connection.close();
      }
    }
  }

  private void closeEverything() {
    closeQuietly(server);
    for (int i = connections.size() - 1; i >= 0; i--) {
      connections.get(i).close();
    }
    closeQuietly(selector);
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }
}
