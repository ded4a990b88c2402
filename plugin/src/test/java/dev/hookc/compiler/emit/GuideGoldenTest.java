package dev.hookc.compiler.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.CompileRequest;
import dev.hookc.compiler.CompileResult;
import dev.hookc.compiler.HookcCompiler;
import dev.hookc.compiler.JavaSourceCompiler;
import dev.hookc.runtime.Application;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The code generated for the "Handle Callbacks" guide (the {@code examples/callback} project) is
 * compared with golden files — regenerate them with {@code -Dhookc.golden.update=true} and review
 * the diff — then compiled with the example's Java functions and served.
 */
class GuideGoldenTest {
  private static final Path EXAMPLE = Path.of("../examples/callback");
  private static final Path GOLDEN = Path.of("src/test/resources/golden/callback-guide");

  @Test
  void generatesTheGuidesCodeAsInTheGoldenFiles() throws IOException {
    Map<String, String> generated = generate();

    if (Boolean.getBoolean("hookc.golden.update")) {
      write(generated);
    }
    assertThat(generated).isEqualTo(read(GOLDEN));
  }

  @Test
  void generatesTheSameCodeEveryTime() {
    assertThat(generate()).isEqualTo(generate());
  }

  @Test
  void compilesCleanlyAndServesTheGuidesCallback() throws Exception {
    Map<String, String> sources = new TreeMap<>(generate());
    sources.putAll(read(EXAMPLE.resolve("src/main/java")));
    ClassLoader classes = JavaSourceCompiler.compile(sources);

    Method builder =
        classes.loadClass("dev.hookc.examples.callback.HookcApplication").getMethod("builder");
    try (Application running =
        ((Application.Builder) builder.invoke(null)).host("127.0.0.1").port(0).build().start()) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(running.baseUri() + "/callback"))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"ok\",\"data\":{}}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body())
          .isEqualTo("{\"message\":\"Callback received and processed successfully\"}");
    }
  }

  private static Map<String, String> generate() {
    CompileResult result =
        new HookcCompiler()
            .compile(
                new CompileRequest(
                    EXAMPLE,
                    EXAMPLE.resolve("src/events"),
                    EXAMPLE.resolve("src/functions"),
                    EXAMPLE.resolve("src/definitions"),
                    EXAMPLE.resolve("src/main/java"),
                    EXAMPLE.resolve("target/unused"),
                    "dev.hookc.examples.callback"));
    assertThat(result.diagnostics()).isEmpty();
    return result.sources().stream()
        .collect(
            Collectors.toMap(
                GeneratedSource::path, GeneratedSource::content, (a, b) -> a, TreeMap::new));
  }

  private static Map<String, String> read(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        files.put(
            root.relativize(path).toString().replace('\\', '/'),
            Files.readString(path, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private static void write(Map<String, String> generated) throws IOException {
    if (Files.isDirectory(GOLDEN)) {
      try (Stream<Path> old = Files.walk(GOLDEN)) {
        for (Path path : old.filter(Files::isRegularFile).toList()) {
          Files.delete(path);
        }
      }
    }
    for (Map.Entry<String, String> file : generated.entrySet()) {
      Path path = GOLDEN.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
  }
}
