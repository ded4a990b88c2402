package dev.hookc.runtime;

import dev.hookc.runtime.routing.PathTemplate;
import java.util.Locale;
import java.util.Objects;

/**
 * One HTTP method and path template bound to a handler.
 *
 * <p>The path is a template of {@code /}-separated segments; a segment is either literal text or a
 * parameter written {@code {name}} or {@code :name}. Literal segments are matched against the
 * percent-decoded request segments, so write them decoded. A trailing slash in the template is
 * ignored. {@code maxBodyBytes} caps the request body for this route; a negative value means the
 * server's default.
 */
public record Route(String method, String path, RequestHandler handler, long maxBodyBytes) {

  public Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(handler, "handler");
    if (method.isEmpty() || !method.chars().allMatch(Route::isTokenChar)) {
      throw new IllegalArgumentException("not a valid method: " + method);
    }
    method = method.toUpperCase(Locale.ROOT);
    PathTemplate.parse(path); // fails fast on a malformed template
    if (maxBodyBytes < 0) {
      maxBodyBytes = -1;
    }
  }

  /** A route that uses the server's default body limit. */
  public static Route of(String method, String path, RequestHandler handler) {
    return new Route(method, path, handler, -1);
  }

  /** This route with its own body limit; a negative value means the server's default. */
  public Route withMaxBodyBytes(long maxBodyBytes) {
    return new Route(method, path, handler, maxBodyBytes);
  }

  private static boolean isTokenChar(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }
}
