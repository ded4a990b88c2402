package dev.hookc.runtime.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import dev.hookc.runtime.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class AsyncConsoleHandlerTest {

  /** A stream that can be read while the handler writes to it. */
  private static final class Sink extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      bytes.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      bytes.write(b, off, len);
    }

    synchronized List<String> lines() {
      String text = bytes.toString(Charset.defaultCharset());
      return text.isEmpty() ? List.of() : List.of(text.split(System.lineSeparator()));
    }
  }

  /** A console that blocks every write until released. */
  private static final class StuckSink extends OutputStream {
    final CountDownLatch released = new CountDownLatch(1);
    final CountDownLatch writing = new CountDownLatch(1);
    final Sink written = new Sink();

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      writing.countDown();
      try {
        released.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        throw new IOException(e);
      }
      written.write(b, off, len);
    }
  }

  private static AsyncConsoleHandler handler(OutputStream out, int capacity) {
    AsyncConsoleHandler handler = new AsyncConsoleHandler(out, capacity);
    handler.setFormatter(new ConsoleLog.LineFormatter());
    return handler;
  }

  private static LogRecord record(Level level, String message) {
    LogRecord record = new LogRecord(level, message);
    record.setLoggerName("test");
    return record;
  }

  @Test
  void writesEveryLineFromManyThreadsInOrderByClose() throws Exception {
    Sink sink = new Sink();
    // A queue far smaller than the burst, so that warnings wait for room.
    AsyncConsoleHandler handler = handler(sink, 16);
    int threads = 8;
    int perThread = 2_000;
    List<Thread> loggers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      loggers.add(
          new Thread(
              () -> {
                for (int i = 0; i < perThread; i++) {
                  handler.publish(record(Level.WARNING, "thread " + id + " line " + i));
                }
              }));
    }
    loggers.forEach(Thread::start);
    for (Thread thread : loggers) {
      thread.join();
    }
    handler.close();

    List<String> lines = sink.lines();
    assertThat(lines).hasSize(threads * perThread);
    assertThat(handler.dropped()).isZero();
    int[] next = new int[threads];
    for (String line : lines) {
      String message = line.substring(line.indexOf(": ") + 2);
      String[] words = message.split(" ", -1);
      int thread = Integer.parseInt(words[1]);
      assertThat(Integer.parseInt(words[3])).isEqualTo(next[thread]++);
    }
  }

  @Test
  void flushReturnsOnceEveryEarlierLineIsWritten() {
    Sink sink = new Sink();
    AsyncConsoleHandler handler = handler(sink, AsyncConsoleHandler.DEFAULT_CAPACITY);
    for (int i = 0; i < 500; i++) {
      handler.publish(record(Level.INFO, "line " + i));
    }

    handler.flush();

    assertThat(sink.lines()).hasSize(500).last().asString().endsWith(" INFO test: line 499");
    handler.close();
  }

  @Test
  void countsAndReportsTheInfoLinesItDropsWhenTheConsoleFallsBehind() throws Exception {
    StuckSink console = new StuckSink();
    AsyncConsoleHandler handler = handler(console, 4);
    handler.publish(record(Level.INFO, "first"));
    // The writer holds the first line in a write that does not return yet.
    assertThat(console.writing.await(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < 100; i++) {
      handler.publish(record(Level.INFO, "line " + i));
    }
    console.released.countDown();
    handler.close();

    List<String> lines = console.written.lines();
    long dropped = handler.dropped();
    assertThat(dropped).isPositive();
    List<String> logged = lines.stream().filter(l -> l.contains(" test: ")).toList();
    assertThat(logged.size() + dropped).isEqualTo(101);
    assertThat(lines)
        .filteredOn(l -> l.contains(" WARNING dev.hookc.runtime.log.ConsoleLog: "))
        .singleElement()
        .asString()
        .contains(dropped + " log record(s) dropped");
  }

  @Test
  void writesAtOnceOnceClosed() {
    Sink sink = new Sink();
    AsyncConsoleHandler handler = handler(sink, 16);
    handler.close();

    handler.publish(record(Level.INFO, "after close"));

    assertThat(sink.lines()).singleElement().asString().endsWith(" INFO test: after close");
  }

  @Test
  void losesNoLineLoggedWhileServingRequests() throws Exception {
    Sink sink = new Sink();
    AsyncConsoleHandler handler = handler(sink, AsyncConsoleHandler.DEFAULT_CAPACITY);
    Logger logger = Logger.getLogger("dev.hookc.runtime.log.AsyncConsoleHandlerTest.requests");
    logger.setUseParentHandlers(false);
    logger.addHandler(handler);
    int requests = 200;
    // Every request is admitted at once, so that none is answered 503 instead of logging.
    try (TestServer http =
        TestServer.start(
            HookcServer.builder()
                .maxConcurrentRequests(requests)
                .route(
                    Route.of(
                        "POST",
                        "/log",
                        request -> {
                          logger.info(
                              "received " + new String(request.body(), Charset.defaultCharset()));
                          return Response.empty(204);
                        })))) {
      // Twenty at a time: more new connections at once than the server's accept backlog makes
      // the client fail, which says nothing about logging.
      for (int batch = 0; batch < requests; batch += 20) {
        List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<Void>>> sent =
            new ArrayList<>();
        for (int i = batch; i < batch + 20; i++) {
          sent.add(
              TestServer.CLIENT.sendAsync(
                  java.net.http.HttpRequest.newBuilder(http.uri("/log"))
                      .POST(java.net.http.HttpRequest.BodyPublishers.ofString("request " + i))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.discarding()));
        }
        for (java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<Void>> response :
            sent) {
          assertThat(response.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
        }
      }
    } finally {
      logger.removeHandler(handler);
      handler.close();
    }

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      expected.add("received request " + i);
    }
    assertThat(sink.lines())
        .map(line -> line.substring(line.indexOf(": ") + 2))
        .containsExactlyInAnyOrderElementsOf(expected);
  }
}
