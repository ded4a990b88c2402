package dev.hookc.runtime;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor the JDK server runs exchanges on, admitting at most a fixed number at a time.
 *
 * <p>The JDK hands each request to {@link #execute} and then runs the whole exchange, handler
 * included, on the thread it gets. Admission is decided here, before any queueing: an admitted
 * exchange runs on its own thread (a virtual thread on Java 21+, otherwise one of exactly {@code
 * limit} pooled threads, so it never waits in a queue); the others run on a small separate pool
 * whose only job is to answer 503 quickly. The handler learns which case it is in through {@link
 * #admitted()}.
 */
final class AdmissionExecutor implements java.util.concurrent.Executor {

  private static final ThreadLocal<Boolean> ADMITTED = new ThreadLocal<>();
  private static final int REJECTION_QUEUE = 1024;

  private final int limit;
  private final Semaphore permits;
  private final ExecutorService admittedPool;
  private final ExecutorService rejectedPool;
  private volatile boolean stopping;

  AdmissionExecutor(int limit) {
    this.limit = limit;
    this.permits = new Semaphore(limit);
    ExecutorService virtual = virtualThreadsOrNull();
    if (virtual != null) {
      this.admittedPool = virtual;
      this.rejectedPool = virtual;
    } else {
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(
              limit, limit, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads("hookc-"));
      // The queue never holds more than the permits allow; it only bridges the moment between a
      // finished exchange releasing its permit and its thread becoming free again.
      pool.allowCoreThreadTimeOut(true);
      this.admittedPool = pool;
      // When even the rejection queue is full, the JDK's dispatcher thread answers itself, which
      // slows down accepting new connections: back-pressure instead of an unbounded queue.
      this.rejectedPool =
          new ThreadPoolExecutor(
              2,
              2,
              30,
              TimeUnit.SECONDS,
              new ArrayBlockingQueue<>(REJECTION_QUEUE),
              threads("hookc-busy-"),
              new ThreadPoolExecutor.CallerRunsPolicy());
    }
  }

  /**
   * The default limit: 1024 with virtual threads, otherwise max(64, 8 × processors) pooled threads.
   * Admission counts the whole exchange, reading the request included, so a smaller pool turns
   * ordinary bursts from a few dozen clients into 503s.
   */
  static int defaultLimit() {
    if (virtualThreadsAvailable()) {
      return 1024;
    }
    return Math.max(64, 8 * Runtime.getRuntime().availableProcessors());
  }

  /** Whether the exchange running on this thread was admitted; false outside this executor. */
  static boolean admitted() {
    return Boolean.TRUE.equals(ADMITTED.get());
  }

  /** Whether the server is stopping, so that no exchange is admitted any more. */
  boolean stopping() {
    return stopping;
  }

  boolean usesVirtualThreads() {
    return admittedPool == rejectedPool;
  }

  @Override
  public void execute(Runnable exchange) {
    boolean admitted = !stopping && permits.tryAcquire();
    Runnable task =
        () -> {
          ADMITTED.set(admitted);
          try {
            exchange.run();
          } finally {
            // Reset rather than removed: removing made every exchange allocate a new entry.
            ADMITTED.set(Boolean.FALSE);
            if (admitted) {
              permits.release();
            }
          }
        };
    if (!admitted) {
      rejectedPool.execute(task);
      return;
    }
    try {
      admittedPool.execute(task);
    } catch (RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  /**
   * Admits nothing more and waits up to {@code grace} for admitted exchanges to finish.
   *
   * @return whether they all finished in time
   */
  boolean drain(Duration grace) {
    stopping = true;
    try {
      boolean idle = permits.tryAcquire(limit, Math.max(0, grace.toNanos()), TimeUnit.NANOSECONDS);
      if (idle) {
        permits.release(limit);
      }
      return idle;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  void shutdown() {
    admittedPool.shutdownNow();
    rejectedPool.shutdownNow();
  }

  private static boolean virtualThreadsAvailable() {
    try {
      Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static ExecutorService virtualThreadsOrNull() {
    try {
      // Compiled for Java 17, so the Java 21 method is found reflectively.
      Method factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
      return (ExecutorService) factory.invoke(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
