package dev.hookc.runtime;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hookc.runtime.log.ConsoleLog;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A short, scripted run of a hookc application: starts its routes on a loopback port, sends each
 * listed request, checks the status of every answer, and stops.
 *
 * <p>It is the workload a class-data archive is dumped from: {@code java
 * -XX:ArchiveClassesAtExit=app.jsa -cp <the application's classpath> dev.hookc.runtime.TrainingRun
 * <application class> <request>...}. The archive then holds every class that starting the server
 * and answering those requests loaded, so that the application started with {@code
 * -XX:SharedArchiveFile=app.jsa} maps them instead of reading, verifying and linking them again.
 * The requests go over a plain socket so that no HTTP client classes end up in the archive.
 *
 * <p>A request is one argument, {@code <METHOD> <path> <expected status> [<JSON body>]}, for
 * example {@code POST /callback 200 {"status":"ok"}}. The requests really run the application's
 * workflows, so list only ones without lasting side effects. The exit status is 0 when every answer
 * had its expected status, otherwise 2 with the reason on standard error.
 */
public final class TrainingRun {

  private TrainingRun() {}

  /** Runs {@code args[0]}'s routes against the requests in the other arguments; see above. */
  public static void main(String[] args) {
    int status = 0;
    try {
      if (args.length == 0) {
        throw new IllegalArgumentException(
            "usage: TrainingRun <application class> [<METHOD> <path> <status> [<body>]]...");
      }
      run(args[0], Arrays.asList(args).subList(1, args.length));
    } catch (Exception e) {
      System.err.println("hookc training run failed: " + e.getMessage());
      status = 2;
    }
    // Functions may have started threads of their own; the archive is written as the JVM exits.
    System.exit(status);
  }

  /**
   * Starts {@code applicationClass}'s {@code builder()} as its {@code main} would, sends {@code
   * requests} in order and stops it.
   *
   * @throws IllegalArgumentException if a request is malformed or the class has no {@code
   *     builder()}
   * @throws IllegalStateException if an answer has another status than expected
   */
  static void run(String applicationClass, List<String> requests) throws Exception {
    List<Exchange> exchanges = new ArrayList<>();
    for (String request : requests) {
      exchanges.add(Exchange.parse(request));
    }
    // The same steps as the generated main, so that the same classes load.
    ConsoleLog.install();
    Application.Builder builder = builderOf(applicationClass);
    try (Application application =
        builder
            .host("127.0.0.1")
            .port(0)
            .server(server -> server.shutdownGrace(Duration.ofSeconds(1)))
            .build()
            .start()) {
      for (Exchange exchange : exchanges) {
        int status = exchange.send(application.port());
        if (status != exchange.status()) {
          throw new IllegalStateException(
              exchange.method()
                  + " "
                  + exchange.path()
                  + " answered "
                  + status
                  + ", expected "
                  + exchange.status());
        }
      }
    }
  }

  private static Application.Builder builderOf(String applicationClass) throws Exception {
    Class<?> type;
    try {
      type = Class.forName(applicationClass);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("no such class on the classpath: " + applicationClass, e);
    }
    Method builder;
    try {
      builder = type.getMethod("builder");
    } catch (NoSuchMethodException e) {
      builder = null;
    }
    if (builder == null
        || !Modifier.isStatic(builder.getModifiers())
        || builder.getReturnType() != Application.Builder.class) {
      throw new IllegalArgumentException(
          "not a hookc application (no static Application.Builder builder()): " + applicationClass);
    }
    try {
      return (Application.Builder) builder.invoke(null);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** One request of the script and the status its answer must have. */
  record Exchange(String method, String path, int status, String body) {

    static Exchange parse(String request) {
      String[] parts = request.strip().split(" ", 4);
      if (parts.length < 3 || !parts[1].startsWith("/") || !parts[2].matches("[1-5][0-9][0-9]")) {
        throw new IllegalArgumentException(
            "not a training request (<METHOD> <path> <status> [<body>]): " + request);
      }
      return new Exchange(
          parts[0], parts[1], Integer.parseInt(parts[2]), parts.length == 4 ? parts[3] : null);
    }

    /** Sends the request on a new connection and returns the answer's status. */
    int send(int port) throws IOException {
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        socket.setSoTimeout(30_000);
        StringBuilder head =
            new StringBuilder(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        byte[] content = body == null ? new byte[0] : body.getBytes(UTF_8);
        if (body != null) {
          head.append("Content-Type: application/json\r\nContent-Length: ")
              .append(content.length)
              .append("\r\n");
        }
        OutputStream out = socket.getOutputStream();
        out.write(head.append("\r\n").toString().getBytes(ISO_8859_1));
        out.write(content);
        out.flush();
        // The server closes the connection after the answer, as asked.
        String answer = new String(socket.getInputStream().readAllBytes(), ISO_8859_1);
        String[] statusLine = answer.split("\r\n", 2)[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
          throw new IOException(method + " " + path + " got no HTTP answer");
        }
        return Integer.parseInt(statusLine[1]);
      }
    }
  }
}
