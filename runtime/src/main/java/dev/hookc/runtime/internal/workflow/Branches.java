package dev.hookc.runtime.internal.workflow;

import dev.hookc.runtime.telemetry.WorkContext;
import dev.hookc.runtime.workflow.Status;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the branches of {@code com.gs.parallel} and {@code com.gs.each_parallel} concurrently, with
 * parallelism bounded across the whole process.
 *
 * <p>A branch runs on another thread (virtual on Java 21+) only while a permit is free; otherwise
 * the calling thread runs it itself. So a burst of parallel tasks never creates more than {@code
 * limit} extra threads, and nested parallel tasks cannot deadlock waiting for a pool.
 */
public final class Branches {
  private static final Branches SHARED = new Branches(defaultLimit());

  private final Semaphore permits;
  private final ExecutorService threads;

  /**
   * @param limit how many branches may run on other threads at once, process-wide
   */
  public Branches(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    this.permits = new Semaphore(limit);
    ExecutorService virtual = virtualThreadsOrNull();
    this.threads = virtual != null ? virtual : Executors.newCachedThreadPool(daemonThreads());
  }

  /** The instance generated workflows share. */
  public static Branches shared() {
    return SHARED;
  }

  /**
   * Runs every branch and waits for all of them.
   *
   * @return their statuses, in the order the branches are given
   * @throws Exception the first exception a branch threw, once all have finished
   */
  public List<Status> all(List<TaskBody> branches) throws Exception {
    List<CompletableFuture<Status>> running = new ArrayList<>();
    for (TaskBody branch : branches.subList(Math.min(1, branches.size()), branches.size())) {
      running.add(start(branch));
    }
    List<Status> results = new ArrayList<>();
    Exception failure = null;
    if (!branches.isEmpty()) {
      // The caller does not idle while it waits: it runs the first branch itself.
      try {
        results.add(branches.get(0).run());
      } catch (Exception e) {
        failure = e;
      }
    }
    for (CompletableFuture<Status> future : running) {
      try {
        results.add(future.get());
      } catch (ExecutionException e) {
        failure = failure != null ? failure : asException(e.getCause());
      }
    }
    if (failure != null) {
      throw failure;
    }
    return results;
  }

  private CompletableFuture<Status> start(TaskBody branch) {
    if (!permits.tryAcquire()) {
      CompletableFuture<Status> inline = new CompletableFuture<>();
      complete(inline, branch);
      return inline;
    }
    CompletableFuture<Status> future = new CompletableFuture<>();
    // On another thread, the branch still belongs to the request or delivery, and its trace.
    Callable<Status> carried = WorkContext.carry(branch::run);
    try {
      threads.execute(
          () -> {
            try {
              complete(future, carried::call);
            } finally {
              permits.release();
            }
          });
    } catch (RuntimeException e) {
      permits.release();
      complete(future, branch);
    }
    return future;
  }

  private static void complete(CompletableFuture<Status> future, TaskBody branch) {
    try {
      future.complete(branch.run());
    } catch (Exception | Error e) {
      future.completeExceptionally(e);
    }
  }

  private static Exception asException(Throwable cause) {
    if (cause instanceof Exception exception) {
      return exception;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(cause);
  }

  /** 256 branches with virtual threads, otherwise four per processor. */
  static int defaultLimit() {
    boolean virtual;
    try {
      Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
      virtual = true;
    } catch (NoSuchMethodException e) {
      virtual = false;
    }
    return virtual ? 256 : Math.max(4, 4 * Runtime.getRuntime().availableProcessors());
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

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "hookc-branch-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
