package dev.hookc.test;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.Application;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the application under test for JUnit 5, on 127.0.0.1 and a free port, with a data
 * directory of its own, and stops it after:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final HookcExtension hookc =
 *     HookcExtension.of(HookcApplication::builder)
 *         .config("stripe.webhook_secret", "whsec_test")
 *         .function(RecordPaymentFunction.class, fake);
 * }</pre>
 *
 * <p>In a {@code static} field the application starts once for the test class, and its store
 * (idempotency records, inboxes) lives as long: tests of one class see each other's deliveries. For
 * a fresh application and store before every test, call {@link #freshStorePerTest} or declare the
 * field without {@code static}. Either way the data directory is a new temporary directory, deleted
 * after, so nothing survives a run or meets a running application's data.
 *
 * <p>A test method (or constructor, or {@code @BeforeEach} method) may take a {@link HookcClient}
 * parameter; the extension's own {@link #post} and friends send with the same client.
 */
public final class HookcExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {
  private final Supplier<? extends Application.Builder> builder;
  private final List<Consumer<Application.Builder>> settings = new ArrayList<>();
  private boolean perTest;

  /** How many test classes, the outer one and its {@code @Nested} ones, share the application. */
  private int classes;

  // Volatile: a test may read them from a thread of its own (a @Timeout thread, a client pool).
  private volatile Application application;
  private volatile Path dataDirectory;
  private volatile HookcClient client;

  private HookcExtension(Supplier<? extends Application.Builder> builder) {
    this.builder = builder;
  }

  /**
   * An extension that starts what {@code builder} builds, such as {@code
   * HookcApplication::builder}, after applying the settings below.
   */
  public static HookcExtension of(Supplier<? extends Application.Builder> builder) {
    return new HookcExtension(Objects.requireNonNull(builder, "builder"));
  }

  /** Sets {@code dottedKey} (such as {@code stripe.webhook_secret}) in the configuration. */
  public HookcExtension config(String dottedKey, Object value) {
    return with(b -> b.config(dottedKey, value));
  }

  /** Uses {@code config} as the configuration, in place of the project's. */
  public HookcExtension config(JsonNode config) {
    return with(b -> b.config(config));
  }

  /** Makes {@code env.NAME} read {@code value}, whatever the process environment says. */
  public HookcExtension environment(String name, String value) {
    return with(b -> b.environment(name, value));
  }

  /** Runs {@code implementation} wherever a workflow calls the function of {@code contract}. */
  public <T> HookcExtension function(Class<T> contract, T implementation) {
    return with(b -> b.function(contract, implementation));
  }

  /**
   * Checks signature timestamps and JWT times against {@code clock}, and gives it to functions: a
   * fixed clock lets a test send deliveries signed at a fixed time, such as a published vector's.
   */
  public HookcExtension clock(Clock clock) {
    return with(b -> b.clock(clock));
  }

  /** Applies {@code setting} to the builder, for what the methods above do not cover. */
  public HookcExtension configure(Consumer<Application.Builder> setting) {
    return with(setting);
  }

  /** Starts a new application, with a new data directory, before each test. */
  public HookcExtension freshStorePerTest() {
    checkNotStarted();
    perTest = true;
    return this;
  }

  private HookcExtension with(Consumer<Application.Builder> setting) {
    checkNotStarted();
    settings.add(Objects.requireNonNull(setting, "setting"));
    return this;
  }

  private void checkNotStarted() {
    if (application != null) {
      throw new IllegalStateException("configure the extension before the application starts");
    }
  }

  /** The client of the running application. */
  public HookcClient client() {
    if (client == null) {
      throw new IllegalStateException("the application is not running");
    }
    return client;
  }

  /** {@code client().post(path)}. */
  public HookcRequest post(String path) {
    return client().post(path);
  }

  /** {@code client().put(path)}. */
  public HookcRequest put(String path) {
    return client().put(path);
  }

  /** {@code client().get(path)}. */
  public HookcRequest get(String path) {
    return client().get(path);
  }

  /** {@code client().delete(path)}. */
  public HookcRequest delete(String path) {
    return client().delete(path);
  }

  /** Where the running application listens, such as {@code http://127.0.0.1:49152}. */
  public URI baseUri() {
    return client().baseUri();
  }

  /** The running application's data directory, a temporary directory deleted after. */
  public Path dataDirectory() {
    client();
    return dataDirectory;
  }

  /** The running application. */
  public Application application() {
    client();
    return application;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!perTest) {
      if (classes == 0) {
        start();
      }
      classes++;
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    // A field without 'static' is registered per test, after the class callbacks ran.
    if (application == null) {
      start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (classes == 0) {
      stop();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (classes > 0 && --classes == 0) {
      stop();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == HookcClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (application == null) {
      // A constructor parameter of a per-class application's test instance comes before
      // beforeEach; a per-test one is started here.
      start();
    }
    return client();
  }

  private void start() {
    Path directory;
    try {
      directory = Files.createTempDirectory("hookc-test-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a data directory for the application", e);
    }
    boolean started = false;
    try {
      Application.Builder app = builder.get();
      for (Consumer<Application.Builder> setting : settings) {
        setting.accept(app);
      }
      // Last, so that no setting of the test's can point the store at data that outlives it.
      app.dataDirectory(directory).host("127.0.0.1").port(0);
      application = app.build().start();
      dataDirectory = directory;
      client = HookcClient.of(application.baseUri());
      started = true;
    } catch (RuntimeException e) {
      throw new IllegalStateException("the application did not start: " + e.getMessage(), e);
    } finally {
      if (!started) {
        delete(directory);
      }
    }
  }

  private void stop() {
    Application running = application;
    Path directory = dataDirectory;
    application = null;
    dataDirectory = null;
    client = null;
    if (running != null) {
      try {
        running.close();
      } finally {
        delete(directory);
      }
    }
  }

  /** Deletes {@code directory} and what is in it. */
  private static void delete(Path directory) {
    try {
      Files.walkFileTree(
          directory,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the data directory " + directory, e);
    }
  }
}
