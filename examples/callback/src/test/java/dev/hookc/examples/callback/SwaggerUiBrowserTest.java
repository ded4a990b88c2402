package dev.hookc.examples.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.hookc.runtime.Application;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Swagger UI in a real browser: headless Chromium loads the example's {@code /api-docs/ui} from the
 * running application, with no network beyond it, and lists the example's operation; the rendered
 * page is kept as {@code target/screenshots/swagger-ui.png}.
 *
 * <p>Chromium is Debian's package ({@code chromium}), which {@code .ci/run} installs when it is
 * missing. Where it is absent the test is skipped with a message saying so, except when the
 * environment variable {@code CI} is set (as on CI), where a missing browser fails the build rather
 * than letting the test pass unseen.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SwaggerUiBrowserTest {
  private static final Path SCREENSHOTS = Path.of("target/screenshots");
  private static Application app;
  private static String chromium;

  @BeforeAll
  static void start() {
    Optional<String> found = chromium();
    if (found.isEmpty()) {
      if (System.getenv("CI") != null) {
        fail(
            "CI is set but no Chromium was found (chromium, chromium-browser); .ci/run installs it");
      }
      Assumptions.abort(
          "no Chromium on this machine (apt-get install -y chromium): Swagger UI is not tested in a"
              + " browser here; CI installs it and runs this test");
    }
    chromium = found.get();
    app = HookcApplication.builder().host("127.0.0.1").port(0).build().start();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void listsTheExamplesOperationInSwaggerUi() throws Exception {
    String dom = run("--dump-dom", page()).stdout();

    assertThat(dom)
        .contains("opblock-summary-path")
        .contains("Handle callbacks from external services")
        .contains("data-path=\"/callback\"")
        .contains("callbacks");
  }

  @Test
  void keepsAScreenshotOfThePage() throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Path screenshot = SCREENSHOTS.resolve("swagger-ui.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);

    run("--screenshot=" + screenshot, "--window-size=1280,1000", page());

    assertThat(screenshot).exists();
    byte[] png = Files.readAllBytes(screenshot);
    assertThat(png.length).isGreaterThan(10_000);
    assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }

  private static String page() {
    return app.baseUri() + "/api-docs/ui";
  }

  private record Result(String stdout, String stderr) {}

  /**
   * Runs headless Chromium on {@code args} with virtual time, so that the page's scripts have run
   * and the document has been fetched and rendered before it dumps or shoots the page. Everything
   * but the application's loopback address is refused, so the page cannot quietly load from the
   * network.
   */
  private static Result run(String... args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("hookc-chromium");
    List<String> command =
        new ArrayList<>(
            List.of(
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                "--virtual-time-budget=15000"));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("chromium", ".out");
    Path err = Files.createTempFile("chromium", ".err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    try {
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        fail("Chromium did not finish in 90 s: " + Files.readString(err));
      }
      Result result = new Result(Files.readString(out), Files.readString(err));
      assertThat(process.exitValue()).as(result.stderr()).isZero();
      return result;
    } finally {
      process.destroyForcibly();
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      deleteRecursively(profile);
    }
  }

  private static Optional<String> chromium() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : List.of("chromium", "chromium-browser")) {
      for (String directory : path.split(File.pathSeparator, -1)) {
        Path candidate = Path.of(directory.isEmpty() ? "." : directory, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate.toString());
        }
      }
    }
    return Optional.empty();
  }

  private static void deleteRecursively(Path directory) throws IOException, InterruptedException {
    // Chromium's helper processes can still be writing into the profile after its main process
    // has exited: files appear and vanish while it is deleted, so a failed pass is tried again.
    for (int attempt = 1; Files.exists(directory); attempt++) {
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
          Files.deleteIfExists(file);
        }
      } catch (UncheckedIOException | DirectoryNotEmptyException e) {
        if (attempt == 10) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }
}
