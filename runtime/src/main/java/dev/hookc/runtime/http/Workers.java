package dev.hookc.runtime.http;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The slots complete requests are handled in, and the threads that handle them: a virtual thread
 * per request on Java 21 and later, otherwise a pool of exactly as many threads as slots, so that a
 * request that got a slot never waits for a thread.
 */
final class Workers {

  private final Semaphore slots;
  private final ExecutorService threads;

  Workers(int limit) {
    this.slots = new Semaphore(limit);
    ExecutorService virtual = virtualThreadsOrNull();
    if (virtual != null) {
      this.threads = virtual;
    } else {
      AtomicInteger count = new AtomicInteger();
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(
              limit,
              limit,
              30,
              TimeUnit.SECONDS,
              // Never holds more than the slots allow; it only bridges the moment between a
              // request releasing its slot and its thread becoming free again.
              new LinkedBlockingQueue<>(),
              runnable -> {
                Thread thread = new Thread(runnable, "hookc-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              });
      pool.allowCoreThreadTimeOut(true);
      this.threads = pool;
    }
  }

  /**
   * 1024 with virtual threads, otherwise max(64, 8 × processors) pooled threads: a slot is taken
   * only by a complete request, so this bounds handlers running at once, not connections.
   */
  static int defaultLimit() {
    try {
      Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
      return 1024;
    } catch (NoSuchMethodException e) {
      return Math.max(64, 8 * Runtime.getRuntime().availableProcessors());
    }
  }

  boolean tryAcquire() {
    return slots.tryAcquire();
  }

  void release() {
    slots.release();
  }

  void execute(Runnable task) {
    threads.execute(task);
  }

  void shutdownNow() {
    threads.shutdownNow();
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
}
