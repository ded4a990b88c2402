package dev.hookc.runtime.store;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit, for the writes whose requests each wait for their own commit (the inbox's accepted
 * deliveries, the idempotency store's claims and recorded responses): the writes of concurrent
 * requests are done in one transaction and committed together, and each request learns its outcome
 * only after the commit that holds its write has returned. A commit costs far more than a row (H2
 * writes a chunk to its file, PostgreSQL waits for its WAL to reach the disk), so under load a few
 * commits carry many writes; a lone request gets a transaction of its own after one thread
 * hand-off.
 *
 * <p>When a batch fails — a duplicate key, a row the database refuses, the database away — the
 * whole batch is rolled back and written again in one transaction, each write behind a savepoint as
 * a request alone would write it, so that one bad write fails only its own request.
 *
 * @param <T> one request's write
 */
final class GroupCommit<T> implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(GroupCommit.class.getName());

  /** The most writes one commit carries: more would hold the first request back for little gain. */
  static final int MAX_BATCH = 64;

  /** Writes a batch with one connection, in its transaction; each write's outcome, in order. */
  @FunctionalInterface
  interface Batch<T> {
    List<Object> write(Connection c, List<T> batch) throws SQLException;
  }

  /** The outcome of a write the database refused when written alone: fails only its request. */
  record Refused(SQLException cause) {}

  /** Runs work in one transaction: committed when it returns, rolled back if it throws. */
  @FunctionalInterface
  interface Transactions {
    List<Object> run(JdbcStore.Work<List<Object>> work) throws SQLException;
  }

  /**
   * A write waiting for its commit, and the outcome its request waits for; without a write, the
   * committer's stop. Compared by identity: each is one request's.
   */
  private static final class Pending<T> {
    private final T write;
    private final CompletableFuture<Object> outcome;

    Pending(T write, CompletableFuture<Object> outcome) {
      this.write = write;
      this.outcome = outcome;
    }

    T write() {
      return write;
    }

    CompletableFuture<Object> outcome() {
      return outcome;
    }
  }

  private final String what;
  private final Transactions transactions;
  private final Batch<T> all;
  private final Batch<T> each;
  private final Comparator<? super T> order;
  private final String closedMessage;
  private final BlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>();
  private final Pending<T> stop = new Pending<>(null, null);
  private final Thread committer;
  private volatile boolean closed;

  /**
   * Starts the committer: one thread, so that the requests that arrive while a batch commits wait
   * for the next, and batches grow with the load and the commit's latency. A second committer
   * halved the batches and cost a fifth of the throughput on both H2 and PostgreSQL (50 senders: H2
   * 6,080 against 4,970 deliveries/s, PostgreSQL 12,150 against 9,730; "Durable throughput" in
   * performance.md).
   *
   * @param what the writes, as log lines and thread names speak of them
   * @param all writes a whole batch; throws if any write fails, and the batch is then rolled back
   *     and written by {@code each}
   * @param each writes each write behind a savepoint of its own, as a request alone would; one the
   *     database refuses is rolled back alone and its outcome is {@link Refused}
   * @param order the order a batch is written in (so that the committers of instances sharing a
   *     database lock keys in the same order), or null for the order the writes came in
   * @param closedMessage what a write offered after the close fails with
   */
  GroupCommit(
      String what,
      Transactions transactions,
      Batch<T> all,
      Batch<T> each,
      Comparator<? super T> order,
      String closedMessage) {
    this.what = what;
    this.transactions = transactions;
    this.all = all;
    this.each = each;
    this.order = order;
    this.closedMessage = closedMessage;
    this.committer = new Thread(this::commitLoop, "hookc-commit-" + what);
    committer.setDaemon(true);
    committer.start();
  }

  /**
   * Writes {@code write} and returns its outcome once the commit that holds it has returned.
   *
   * @throws SQLException when the database refused it, or its batch's commit failed
   * @throws IllegalStateException when this is closed
   */
  Object submit(T write) throws SQLException, InterruptedException {
    if (closed) {
      throw new IllegalStateException(closedMessage);
    }
    Pending<T> pending = new Pending<>(write, new CompletableFuture<>());
    queue.add(pending);
    // Closed in between: unless a committer has taken it already, it will not be written.
    if (closed && queue.remove(pending)) {
      throw new IllegalStateException(closedMessage);
    }
    try {
      return pending.outcome().get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException sql) {
        throw sql;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  private void commitLoop() {
    List<Pending<T>> batch = new ArrayList<>(MAX_BATCH);
    while (true) {
      Pending<T> first;
      try {
        first = queue.take();
      } catch (InterruptedException e) {
        continue; // not interrupted by hookc; the close's stop ends the loop
      }
      if (first == stop) {
        return;
      }
      batch.add(first);
      queue.drainTo(batch, MAX_BATCH - 1);
      // The stop drained with the batch: the writes offered before it are written, then it stops.
      boolean stopping = batch.removeIf(p -> p == stop);
      if (order != null) {
        batch.sort(Comparator.comparing(Pending::write, order));
      }
      commit(batch);
      batch.clear();
      if (stopping) {
        return;
      }
    }
  }

  private void commit(List<Pending<T>> batch) {
    List<T> batchWrites = batch.stream().map(Pending::write).toList();
    try {
      // Only after the commit returned may these requests go on.
      complete(batch, transactions.run(c -> all.write(c, batchWrites)));
      return;
    } catch (SQLTransientConnectionException e) {
      // No connection within the pool's timeout: nothing of the batch was written, and writing it
      // again row by row would only wait as long a second time before the requests learn it.
      failAll(batch, e);
      return;
    } catch (SQLException | RuntimeException e) {
      logRolledBack(batch, e);
    } catch (Error e) {
      failAll(batch, e); // not rethrown: this thread goes on serving the requests that wait
      return;
    }
    List<Object> outcomes;
    try {
      outcomes = transactions.run(c -> each.write(c, batchWrites));
    } catch (SQLException | RuntimeException | Error e) {
      failAll(batch, e);
      return;
    }
    complete(batch, outcomes);
  }

  private void logRolledBack(List<Pending<T>> batch, Exception e) {
    LOG.log(
        Level.DEBUG,
        "a batch of {0} {1} failed and was rolled back; writing it one by one: {2}",
        batch.size(),
        what,
        e.toString());
  }

  private static <T> void complete(List<Pending<T>> batch, List<Object> outcomes) {
    for (int i = 0; i < batch.size(); i++) {
      if (outcomes.get(i) instanceof Refused refused) {
        batch.get(i).outcome().completeExceptionally(refused.cause());
      } else {
        batch.get(i).outcome().complete(outcomes.get(i));
      }
    }
  }

  private static <T> void failAll(List<Pending<T>> batch, Throwable e) {
    for (Pending<T> p : batch) {
      p.outcome().completeExceptionally(e);
    }
  }

  /**
   * Writes what was offered before the close, then stops the committer; a write offered afterwards
   * fails. Requests in flight have normally finished before their writer closes.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    queue.add(stop);
    try {
      committer.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Left behind only if the committer hung on the database: not written, so never acknowledged.
    List<Pending<T>> left = new ArrayList<>();
    queue.drainTo(left);
    left.removeIf(p -> p == stop);
    failAll(left, new IllegalStateException(closedMessage));
  }
}
