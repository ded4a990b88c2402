package dev.hookc.runtime.log;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * A console handler whose callers do not wait for the console: a record is formatted on the thread
 * that logs it, queued, and written by one daemon thread, which gathers the lines of about {@value
 * #LINGER_MILLIS} ms into one write and flush, and flushes on {@link #flush()} and {@link
 * #close()}.
 *
 * <p>The JDK's {@code ConsoleHandler} writes and flushes every record under one lock, so with a
 * line per request every request thread queued for that lock and paid a system call; a writer
 * thread woken for every line would cost a thread switch per request instead.
 *
 * <p>Publishing takes no lock: a bounded queue guarded by one lock made the request threads queue
 * for it again (2.6 % of a loaded server's samples, plus the parking), so the queue is lock-free
 * and its bound is a count of free places taken with a compare-and-set.
 *
 * <p>When the queue is full, records at {@code WARNING} and above wait for room; lower ones are
 * dropped and counted, and the writer reports how many in a line of its own, so nothing goes
 * missing without a trace. After {@link #close()} records are written at once on the caller's
 * thread, as the JDK's console handler keeps doing after it is closed.
 */
final class AsyncConsoleHandler extends Handler {

  /** How many formatted lines may wait for the writer. */
  static final int DEFAULT_CAPACITY = 8192;

  private static final long CLOSE_WAIT_MILLIS = 5_000;
  private static final int BATCH = 1024;
  static final long LINGER_MILLIS = 2;
  // Compared by identity: tells the writer thread to finish.
  private static final String STOP = new String("stop");

  private final BlockingQueue<String> queue = new LinkedTransferQueue<>();
  // Free places in the queue; the writer gives them back as it takes lines out.
  private final Semaphore room;
  private final Writer out;
  private final Thread writer;
  private final AtomicLong queued = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong unreported = new AtomicLong();
  private final Object progress = new Object();
  private long written; // guarded by progress
  private volatile boolean closed;

  /**
   * @param stream where the lines go, in the platform's default charset, as the JDK's console
   *     handler writes them
   * @param capacity how many lines may wait
   */
  AsyncConsoleHandler(OutputStream stream, int capacity) {
    this(stream, capacity, Charset.defaultCharset());
  }

  /**
   * @param stream where the lines go
   * @param capacity how many lines may wait
   * @param charset how characters are written to {@code stream}
   */
  AsyncConsoleHandler(OutputStream stream, int capacity, Charset charset) {
    this.room = new Semaphore(capacity);
    this.out = new OutputStreamWriter(stream, charset);
    this.writer = new Thread(this::drain, "hookc-console-log");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public void publish(LogRecord record) {
    if (!isLoggable(record)) {
      return;
    }
    String line;
    try {
      line = getFormatter().format(record);
    } catch (RuntimeException e) {
      reportError(null, e, ErrorManager.FORMAT_FAILURE);
      return;
    }
    if (closed) {
      writeNow(List.of(line));
      return;
    }
    if (room.tryAcquire()) {
      enqueue(line);
      return;
    }
    if (record.getLevel().intValue() < Level.WARNING.intValue()) {
      dropped.incrementAndGet();
      unreported.incrementAndGet();
      return;
    }
    // Warnings and errors wait for room rather than go missing.
    try {
      room.acquire();
      enqueue(line);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      writeNow(List.of(line));
    }
  }

  private void enqueue(String line) {
    queue.add(line);
    queued();
  }

  private void queued() {
    queued.incrementAndGet();
    if (closed) {
      // close() may have finished its last drain before this line went in.
      writeNow(takeAll());
    }
  }

  /** Returns once every record published before the call has been written and flushed. */
  @Override
  public void flush() {
    long target = queued.get();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS);
    synchronized (progress) {
      while (written < target && writer.isAlive()) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          break;
        }
        try {
          progress.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    if (!writer.isAlive()) {
      writeNow(takeAll());
    }
  }

  /** Writes everything queued, then writes later records directly. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    boolean interrupted = false;
    while (true) {
      try {
        queue.add(STOP);
        writer.join(CLOSE_WAIT_MILLIS);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    writeNow(takeAll());
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** How many records were dropped because the queue was full, since this handler started. */
  long dropped() {
    return dropped.get();
  }

  private void drain() {
    List<String> batch = new ArrayList<>(BATCH);
    boolean stop = false;
    while (!stop) {
      try {
        batch.add(queue.take());
        // Woken by the first line after a quiet spell: let the lines that follow it gather
        // rather than be woken, write and flush for each one.
        Thread.sleep(LINGER_MILLIS);
      } catch (InterruptedException e) {
        // Only close() stops the writer, and it does so with STOP.
        continue;
      }
      // Whatever arrived meanwhile goes in the same write; then back to waiting when empty.
      do {
        queue.drainTo(batch, BATCH - batch.size());
        stop = batch.removeIf(AsyncConsoleHandler::isStop);
        room.release(batch.size());
        write(batch, true);
        batch.clear();
      } while (!stop && !queue.isEmpty());
    }
  }

  // STOP is a sentinel: only that very instance stops the writer, never a line equal to it.
  @SuppressWarnings("ReferenceEquality")
  private static boolean isStop(String line) {
    return line == STOP;
  }

  /** Writes what a racing publish queued after the writer stopped, on the caller's thread. */
  private List<String> takeAll() {
    List<String> rest = new ArrayList<>();
    queue.drainTo(rest);
    rest.removeIf(AsyncConsoleHandler::isStop);
    room.release(rest.size());
    return rest;
  }

  private void writeNow(List<String> lines) {
    write(lines, true);
  }

  private void write(List<String> lines, boolean flush) {
    synchronized (progress) {
      try {
        for (String line : lines) {
          out.write(line);
        }
        long lost = unreported.getAndSet(0);
        if (lost > 0) {
          out.write(droppedNotice(lost));
        }
        if (flush) {
          out.flush();
        }
      } catch (IOException | RuntimeException e) {
        reportError(null, e, ErrorManager.WRITE_FAILURE);
      }
      written += lines.size();
      progress.notifyAll();
    }
  }

  private String droppedNotice(long lost) {
    LogRecord notice =
        new LogRecord(
            Level.WARNING,
            lost + " log record(s) dropped: the console did not keep up with the logging");
    notice.setLoggerName(ConsoleLog.class.getName());
    return getFormatter().format(notice);
  }
}
