package dev.hookc.runtime.internal.app;

import dev.hookc.runtime.Request;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The routes that serve a project's API documentation: its OpenAPI document, generated next to the
 * application class, as JSON and YAML, and Swagger UI from the {@code org.webjars:swagger-ui}
 * distribution when that is on the class path. Nothing is fetched from the network, by the server
 * or by the page. Every answer carries an {@code ETag} and {@code Cache-Control: no-cache}, so that
 * a browser revalidates and a changed document is never served stale.
 */
final class ApiDocs {
  private static final System.Logger LOG = System.getLogger(ApiDocs.class.getName());

  /** Where the webjar keeps its Maven coordinates, which name its resource directory. */
  static final String WEBJAR_POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

  /** The UI's files served from the webjar, by name. */
  private static final List<String> ASSETS =
      List.of("swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png", "favicon-16x16.png");

  private final Class<?> application;
  private final String path;
  private final Optional<String> ui;

  /**
   * @param application the generated application class, next to which the document is
   * @param path the document's path, e.g. {@code /api-docs}
   * @param ui Swagger UI's path, e.g. {@code /api-docs/ui}, or null for none
   */
  ApiDocs(Class<?> application, String path, String ui) {
    this.application = Objects.requireNonNull(application, "application");
    this.path = Objects.requireNonNull(path, "path");
    this.ui = Optional.ofNullable(ui);
  }

  /**
   * The routes; none when the document is not on the class path (a project built without the hookc
   * Maven plugin's resources), which is logged.
   */
  List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    if (!exists(application, "openapi.json")) {
      LOG.log(
          System.Logger.Level.WARNING,
          "the API documentation is not served: openapi.json is not on the class path next to {0}",
          application.getName());
      return routes;
    }
    routes.add(resource(path, "application/json", () -> read(application, "openapi.json")));
    routes.add(
        resource(path + ".yaml", "application/yaml", () -> read(application, "openapi.yaml")));
    if (ui.isEmpty()) {
      return routes;
    }
    Optional<String> webjar = webjar();
    if (webjar.isEmpty()) {
      LOG.log(
          System.Logger.Level.INFO,
          "Swagger UI is not served at {0}: add org.webjars:swagger-ui to the application''s"
              + " dependencies to serve it",
          ui.get());
      return routes;
    }
    String base = ui.get();
    routes.add(resource(base, "text/html; charset=utf-8", () -> utf8(page(base))));
    routes.add(
        resource(
            base + "/swagger-initializer.js",
            "text/javascript; charset=utf-8",
            () -> utf8(initializer())));
    for (String asset : ASSETS) {
      routes.add(
          resource(
              base + "/" + asset,
              contentType(asset),
              () -> read(ApiDocs.class, webjar.get() + asset)));
    }
    return routes;
  }

  /**
   * The webjar's resource directory, e.g. {@code /META-INF/resources/webjars/swagger-ui/5.35.0/}.
   */
  static Optional<String> webjar() {
    try (InputStream in = ApiDocs.class.getResourceAsStream(WEBJAR_POM)) {
      if (in == null) {
        return Optional.empty();
      }
      Properties pom = new Properties();
      pom.load(in);
      String version = pom.getProperty("version");
      String directory = "/META-INF/resources/webjars/swagger-ui/" + version + "/";
      return version == null
              || ApiDocs.class.getResource(directory + "swagger-ui-bundle.js") == null
          ? Optional.empty()
          : Optional.of(directory);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The page: Swagger UI's own files, and the document, all from this server. */
  private String page(String base) {
    return "<!DOCTYPE html>\n"
        + "<html lang=\"en\">\n"
        + "<head>\n"
        + "  <meta charset=\"utf-8\">\n"
        + "  <title>API documentation</title>\n"
        + "  <link rel=\"stylesheet\" href=\""
        + base
        + "/swagger-ui.css\">\n"
        + "  <link rel=\"icon\" type=\"image/png\" href=\""
        + base
        + "/favicon-32x32.png\" sizes=\"32x32\">\n"
        + "</head>\n"
        + "<body>\n"
        + "  <div id=\"swagger-ui\"></div>\n"
        + "  <script src=\""
        + base
        + "/swagger-ui-bundle.js\"></script>\n"
        + "  <script src=\""
        + base
        + "/swagger-initializer.js\"></script>\n"
        + "</body>\n"
        + "</html>\n";
  }

  /**
   * Starts Swagger UI on the document. {@code validatorUrl: null}: by default the page would send
   * the document to an online validator.
   */
  private String initializer() {
    return "window.onload = function () {\n"
        + "  window.ui = SwaggerUIBundle({\n"
        + "    url: \""
        + path
        + "\",\n"
        + "    dom_id: \"#swagger-ui\",\n"
        + "    deepLinking: true,\n"
        + "    validatorUrl: null,\n"
        + "    presets: [SwaggerUIBundle.presets.apis],\n"
        + "    layout: \"BaseLayout\"\n"
        + "  });\n"
        + "};\n";
  }

  /** A GET route answering {@code content}, read on first use and kept. */
  private static Route resource(String path, String contentType, Supplier<byte[]> content) {
    Cached cached = new Cached(content);
    return Route.of(
        "GET",
        path,
        request -> {
          Cached.Entry entry = cached.get();
          if (matches(request, entry.etag())) {
            return Response.empty(304)
                .withHeader("ETag", entry.etag())
                .withHeader("Cache-Control", "no-cache");
          }
          return Response.of(200, contentType, entry.bytes())
              .withHeader("ETag", entry.etag())
              .withHeader("Cache-Control", "no-cache")
              .withHeader("X-Content-Type-Options", "nosniff");
        });
  }

  private static boolean matches(Request request, String etag) {
    String header = request.header("If-None-Match");
    if (header == null) {
      return false;
    }
    for (String candidate : header.split(",", -1)) {
      String tag = candidate.trim();
      if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }

  private static String contentType(String name) {
    if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    if (name.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    return "image/png";
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static boolean exists(Class<?> base, String name) {
    try (InputStream in = base.getResourceAsStream(name)) {
      return in != null;
    } catch (IOException e) {
      return false;
    }
  }

  private static byte[] read(Class<?> base, String name) {
    try (InputStream in = base.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("not on the class path: " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  /** A body read once, with its entity tag. */
  private static final class Cached {
    private final Supplier<byte[]> content;
    private volatile Entry entry;

    Cached(Supplier<byte[]> content) {
      this.content = content;
    }

    Entry get() {
      Entry current = entry;
      if (current == null) {
        byte[] bytes = content.get();
        current = new Entry(bytes, etag(bytes));
        entry = current;
      }
      return current;
    }

    private static String etag(byte[] bytes) {
      try {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
        return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform has SHA-256", e);
      }
    }

    /** The body, which is never changed, and its tag. */
    static final class Entry {
      private final byte[] bytes;
      private final String etag;

      Entry(byte[] bytes, String etag) {
        this.bytes = bytes;
        this.etag = etag;
      }

      byte[] bytes() {
        return bytes;
      }

      String etag() {
        return etag;
      }
    }
  }
}
