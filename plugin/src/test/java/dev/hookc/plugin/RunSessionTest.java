package dev.hookc.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.CompileRequest;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watch mode on a real project, without Maven: generated and compiled by {@link HotRebuild}, its
 * application started in a JVM of its own on a free port, then edited while it runs. Each edit is
 * checked over HTTP, polling until the new behaviour answers; a broken edit must print its located
 * error and leave the running application answering as before.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RunSessionTest {
  private static final String PACKAGE = "com.example.hookc";
  private static final Duration WAIT = Duration.ofSeconds(40);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static final String EVENT =
      """
      http.post./hello:
        fn: hello
        body:
          content:
            application/json:
              schema:
                type: object
                properties:
                  name:
                    type: string
                required: [name]
      """;
  private static final String WORKFLOW =
      """
      id: hello
      tasks:
        - id: greeting
          fn: greet
          args:
            name: <% inputs.body.name %>
        - id: respond
          args:
            statusCode: 200
            body:
              greeting: <% greeting.result %>
              version: 1
      """;
  private static final String GREET =
      """
      package com.example.hookc.functions;

      import dev.hookc.runtime.workflow.FunctionContext;

      public final class Greet implements GreetFunction {
        @Override
        public Object apply(GreetArgs args, FunctionContext context) {
          return "hello " + args.name();
        }
      }
      """;

  @TempDir Path project;

  private final Lines console = new Lines();
  private RunSession session;
  private SourceWatcher watcher;
  private HotRebuild rebuild;
  private Thread watching;
  private int port;

  @BeforeEach
  void buildAndStart() throws Exception {
    write("src/events/hello.yaml", EVENT);
    write("src/functions/hello.yaml", WORKFLOW);
    write("src/main/java/com/example/hookc/functions/Greet.java", GREET);
    rebuild = new HotRebuild(settings());
    HotRebuild.Result first = rebuild.rebuild(Set.of());
    assertThat(first.errors()).isEmpty();
    assertThat(first.kind()).isEqualTo(HotRebuild.Kind.READY);
    rebuild.install();
    port = freePort();
    session = new RunSession(command(), null, console.console(), Duration.ofSeconds(10));
    session.start();
    watcher =
        SourceWatcher.watch(
            List.of(
                project.resolve("src/events"),
                project.resolve("src/functions"),
                project.resolve("src/main/java")),
            Duration.ofMillis(100));
    watching =
        new Thread(
            () -> {
              try {
                session.watch(watcher, rebuild);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (IOException e) {
                console.accept("watch failed: " + e);
              }
            },
            "watch");
    watching.start();
  }

  @AfterEach
  void stop() throws Exception {
    try {
      if (session != null) {
        session.close();
      }
      if (watching != null) {
        watching.interrupt();
        watching.join(TimeUnit.SECONDS.toMillis(10));
      }
    } finally {
      if (watcher != null) {
        watcher.close();
      }
      if (rebuild != null) {
        rebuild.close();
      }
    }
  }

  @Test
  void restartsWithTheNewBehaviourAfterAYamlEdit() throws Exception {
    assertThat(awaitAnswer(body -> body.contains("\"version\":1"))).contains("hello Ada");

    write("src/functions/hello.yaml", WORKFLOW.replace("version: 1", "version: 2"));

    assertThat(awaitAnswer(body -> body.contains("\"version\":2"))).contains("hello Ada");
    assertThat(console.await(line -> line.startsWith("hookc: restarted in ")))
        .matches(
            "hookc: restarted in \\d+ ms \\(1 file changed; rebuild \\d+ ms, restart \\d+ ms\\)");
  }

  @Test
  void keepsTheRunningApplicationWhenTheYamlHasAnErrorAndPrintsItLocated() throws Exception {
    awaitAnswer(body -> body.contains("\"version\":1"));

    write(
        "src/functions/hello.yaml",
        WORKFLOW.replace("fn: greet", "fn: gret").replace("version: 1", "version: 2"));

    assertThat(console.await(line -> line.contains("error[HC")))
        .matches("(?s)src/functions/hello\\.yaml:4:9: error\\[HC\\d{4}\\]: [^\n]*'gret'.*");
    console.await(line -> line.startsWith("hookc: not restarted"));
    assertThat(post()).contains("\"version\":1");

    // Fixed, it restarts.
    write("src/functions/hello.yaml", WORKFLOW.replace("version: 1", "version: 3"));
    assertThat(awaitAnswer(body -> body.contains("\"version\":3"))).contains("hello Ada");
  }

  @Test
  void checksJavaFunctionsAgainstAChangedContractAndRestartsOnceTheyCompile() throws Exception {
    awaitAnswer(body -> body.contains("\"version\":1"));

    // The argument's new name changes GreetArgs, which Greet.java no longer compiles against.
    write("src/functions/hello.yaml", WORKFLOW.replace("name: <%", "who: <%"));

    assertThat(console.await(line -> line.contains(": error: ")))
        .startsWith(
            "src/main/java/com/example/hookc/functions/Greet.java:8:27: error: cannot find symbol");
    assertThat(post()).contains("hello Ada");

    write(
        "src/main/java/com/example/hookc/functions/Greet.java",
        GREET.replace("\"hello \" + args.name()", "\"hi \" + args.who()"));
    assertThat(awaitAnswer(body -> body.contains("hi Ada"))).contains("\"version\":1");
  }

  @Test
  void stopsTheApplicationWhenClosed() throws Exception {
    awaitAnswer(body -> body.contains("\"version\":1"));

    session.close();

    assertThat(console.lines()).noneMatch(line -> line.startsWith("hookc: the application exited"));
    try (ServerSocket free = new ServerSocket(port)) {
      // The port is free again: the application is gone.
      assertThat(free.getLocalPort()).isEqualTo(port);
    }
    assertThat(console.lines()).anyMatch(line -> line.contains("HookcServer: stopped after"));
  }

  private HotRebuild.Settings settings() {
    CompileRequest compile =
        new CompileRequest(
            project,
            project.resolve("src/events"),
            project.resolve("src/functions"),
            project.resolve("src/definitions"),
            project.resolve("src/main/java"),
            project.resolve("target/generated-sources/hookc"),
            PACKAGE);
    return new HotRebuild.Settings(
        new GenerationRequest(
            compile, project.resolve("target/hookc/inputs.sha256"), false, "1.0", "test.jar@1"),
        List.of(project.resolve("src/main/java")),
        List.of(new HotRebuild.ResourceRoot(project.resolve("src/main/resources"), null, false)),
        project.resolve("target/classes"),
        testClasspath(),
        HotRebuild.Settings.javacOptions("17", "UTF-8", false),
        project.resolve("target/hookc/run"));
  }

  private ChildApplication.Command command() {
    List<Path> classpath = new ArrayList<>();
    classpath.add(project.resolve("target/classes"));
    classpath.addAll(testClasspath());
    return new ChildApplication.Command(
        Path.of(System.getProperty("java.home"), "bin", "java"),
        List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
        classpath,
        PACKAGE + ".HookcApplication",
        project,
        Map.of("PORT", Integer.toString(port)));
  }

  /** The runtime and its dependencies, as the plugin's tests have them. */
  private static List<Path> testClasspath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(Path::of)
        .filter(Files::exists)
        .toList();
  }

  /** The body of the answer to a greeting, which must be a 200. */
  private String post() throws IOException, InterruptedException {
    HttpResponse<String> response = send();
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private HttpResponse<String> send() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello"))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ada\"}"))
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Polls until a 200 answer's body satisfies {@code wanted}. The application restarts meanwhile:
   * the old one answers 503 while it stops, and then nothing listens until the new one serves.
   */
  private String awaitAnswer(Predicate<String> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> response = send();
        last = response.statusCode() + " " + response.body();
        if (response.statusCode() == 200 && wanted.test(response.body())) {
          return response.body();
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "not answered as wanted within " + WAIT.toSeconds() + " s; last: " + last + "\n" + console);
  }

  private void write(String path, String content) throws IOException {
    Path file = project.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Every line the session printed, in order, waited on with a monitor. */
  private static final class Lines {
    private final List<String> lines = new ArrayList<>();

    synchronized void accept(String line) {
      lines.add(line);
      notifyAll();
    }

    RunSession.Console console() {
      return new RunSession.Console(this::accept, this::accept, this::accept, this::accept);
    }

    synchronized List<String> lines() {
      return List.copyOf(lines);
    }

    /** The first line satisfying {@code wanted}, waiting for it. */
    synchronized String await(Predicate<String> wanted) throws InterruptedException {
      long deadline = System.nanoTime() + WAIT.toNanos();
      int seen = 0;
      while (true) {
        for (; seen < lines.size(); seen++) {
          if (wanted.test(lines.get(seen))) {
            return lines.get(seen);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no such line within " + WAIT.toSeconds() + " s:\n" + this);
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }

    @Override
    public synchronized String toString() {
      return String.join("\n", lines);
    }
  }
}
