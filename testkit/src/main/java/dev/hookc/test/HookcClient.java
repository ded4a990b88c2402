package dev.hookc.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * A small HTTP client for the application under test: {@code
 * client.post("/webhooks/stripe").json(body).signedWith(signer).send()}. It speaks HTTP/1.1 over
 * {@link HttpClient}, follows no redirect (a webhook sender treats 3xx as a failure), and gives
 * each request 10 seconds unless {@link #timeout} says otherwise.
 */
public final class HookcClient {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final URI baseUri;
  private final HttpClient http;
  private final Duration timeout;

  private HookcClient(URI baseUri, HttpClient http, Duration timeout) {
    this.baseUri = baseUri;
    this.http = http;
    this.timeout = timeout;
  }

  /** A client for the server at {@code baseUri}, such as {@code http://127.0.0.1:49152}. */
  public static HookcClient of(URI baseUri) {
    String text = Objects.requireNonNull(baseUri, "baseUri").toString();
    URI base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(DEFAULT_TIMEOUT)
            .build();
    return new HookcClient(base, http, DEFAULT_TIMEOUT);
  }

  /** This client with {@code timeout} for each whole request, answer included. */
  public HookcClient timeout(Duration timeout) {
    return new HookcClient(baseUri, http, Objects.requireNonNull(timeout, "timeout"));
  }

  /** The address requests go to, without a trailing slash. */
  public URI baseUri() {
    return baseUri;
  }

  /** A {@code POST} to {@code path}, such as {@code /webhooks/stripe?mode=test}. */
  public HookcRequest post(String path) {
    return request("POST", path);
  }

  /** A {@code PUT} to {@code path}. */
  public HookcRequest put(String path) {
    return request("PUT", path);
  }

  /** A {@code PATCH} to {@code path}. */
  public HookcRequest patch(String path) {
    return request("PATCH", path);
  }

  /** A {@code GET} of {@code path}. */
  public HookcRequest get(String path) {
    return request("GET", path);
  }

  /** A {@code DELETE} of {@code path}. */
  public HookcRequest delete(String path) {
    return request("DELETE", path);
  }

  /** A request with any {@code method} to {@code path}, which must start with a slash. */
  public HookcRequest request(String method, String path) {
    Objects.requireNonNull(method, "method");
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("a path must start with '/': " + path);
    }
    return new HookcRequest(http, method, URI.create(baseUri + path), timeout);
  }
}
