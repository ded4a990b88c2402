package dev.hookc.runtime.internal.httpclient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.hookc.runtime.datasource.DatasourceException;
import dev.hookc.runtime.datasource.DatasourceException.Kind;
import dev.hookc.runtime.datasource.HttpResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * OAuth 2.0 client credentials (RFC 6749, section 4.4): an access token fetched from the token
 * endpoint, cached until {@code expires_in} minus a margin, and shared by every call. Calls that
 * find no valid token while one is being fetched wait for that fetch rather than start their own,
 * so that a burst of callbacks asks the endpoint once.
 *
 * <p>The client authenticates with {@code client_secret_basic} (the id and secret, form-encoded, in
 * an {@code Authorization: Basic} header), which RFC 6749 requires every server to support and
 * which keeps the secret out of any logged body. A token never appears in a message or a log line.
 */
final class TokenSource implements Credentials {
  /** How long before its expiry a token is no longer used, so that it does not expire in flight. */
  static final Duration MARGIN = Duration.ofSeconds(30);

  private static final int MAX_TOKEN_RESPONSE_BYTES = 64 * 1024;

  private final String datasource;
  private final URI tokenUrl;
  private final String shownUrl;
  private final String clientAuthorization;
  private final String form;
  private final Duration fetchTimeout;
  private final HttpClient client;
  private final Clock clock;
  private final Object lock = new Object();
  private Token cached; // guarded by lock
  private CompletableFuture<Token> fetching; // guarded by lock

  /** A token and when it stops being used; {@code until} null when the endpoint gave no expiry. */
  private record Token(String authorization, Instant until) {}

  /** Why a fetch failed, told to every call that waited for it. */
  private static final class FetchFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final Kind kind;
    final transient HttpResult answer;

    FetchFailure(Kind kind, String message, HttpResult answer) {
      super(message, null, false, false);
      this.kind = kind;
      this.answer = answer;
    }
  }

  TokenSource(
      String datasource,
      URI tokenUrl,
      String clientId,
      String clientSecret,
      String scope,
      String audience,
      Duration fetchTimeout,
      HttpClient client,
      Clock clock) {
    this.datasource = datasource;
    this.tokenUrl = tokenUrl;
    // The URL without user info or query, which could hold a secret.
    this.shownUrl =
        tokenUrl.getScheme() + "://" + tokenUrl.getRawAuthority() + tokenUrl.getRawPath();
    this.clientAuthorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (RequestWriter.encode(clientId) + ":" + RequestWriter.encode(clientSecret))
                        .getBytes(StandardCharsets.UTF_8));
    StringBuilder form = new StringBuilder("grant_type=client_credentials");
    if (scope != null) {
      form.append("&scope=").append(RequestWriter.encode(scope));
    }
    if (audience != null) {
      form.append("&audience=").append(RequestWriter.encode(audience));
    }
    this.form = form.toString();
    this.fetchTimeout = fetchTimeout;
    this.client = client;
    this.clock = clock;
  }

  @Override
  @SuppressWarnings("FutureReturnValueIgnored") // the fetch's own future carries its failure
  public String authorization(Deadline deadline, String operation) {
    CompletableFuture<Token> fetch;
    synchronized (lock) {
      if (cached != null && (cached.until() == null || clock.instant().isBefore(cached.until()))) {
        return cached.authorization();
      }
      if (fetching == null) {
        CompletableFuture<Token> started = fetch();
        fetching = started;
        started.whenComplete(
            (token, failure) -> {
              synchronized (lock) {
                if (fetching == started) {
                  fetching = null;
                  if (token != null) {
                    cached = token;
                  }
                }
              }
            });
      }
      fetch = fetching;
    }
    try {
      return fetch.get(deadline.left().toNanos(), TimeUnit.NANOSECONDS).authorization();
    } catch (TimeoutException e) {
      throw new DatasourceException(
          datasource,
          operation,
          Kind.TIMEOUT,
          datasource + ": no access token from " + shownUrl + " before the call's deadline",
          null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatasourceException(
          datasource, operation, Kind.OTHER, datasource + ": interrupted", e);
    } catch (ExecutionException | CancellationException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      if (cause instanceof FetchFailure failure) {
        return thrown(operation, failure);
      }
      throw new DatasourceException(
          datasource,
          operation,
          Kind.UNAVAILABLE,
          datasource
              + ": the token endpoint "
              + shownUrl
              + " could not be reached ("
              + Failure.describe(cause)
              + ")",
          null);
    }
  }

  private String thrown(String operation, FetchFailure failure) {
    if (failure.answer != null) {
      throw new DatasourceException(datasource, operation, failure.getMessage(), failure.answer);
    }
    throw new DatasourceException(datasource, operation, failure.kind, failure.getMessage(), null);
  }

  @Override
  public boolean rejected(String authorization) {
    synchronized (lock) {
      // Only the token that was refused is dropped: when many calls are refused at once, the
      // first drops it and the others find the fresh one (or the fetch in flight).
      if (cached != null && cached.authorization().equals(authorization)) {
        cached = null;
      }
    }
    return true;
  }

  private CompletableFuture<Token> fetch() {
    HttpRequest request =
        HttpRequest.newBuilder(tokenUrl)
            .timeout(fetchTimeout)
            .header("Authorization", clientAuthorization)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    Instant asked = clock.instant();
    return client
        .sendAsync(request, ResponseReader.capped(MAX_TOKEN_RESPONSE_BYTES))
        .thenApply(response -> token(response, asked));
  }

  private Token token(HttpResponse<byte[]> response, Instant asked) {
    JsonNode body;
    try {
      body =
          ResponseReader.body(
              response.headers().firstValue("content-type").orElse(""), response.body());
    } catch (ResponseReader.NotJson e) {
      body = NullNode.getInstance();
    }
    if (response.statusCode() / 100 != 2) {
      String error = body.path("error").isTextual() ? " (" + body.path("error").asText() + ")" : "";
      HttpResult answer =
          new HttpResult(
              response.statusCode(),
              Map.of(),
              body.isObject() ? errorOnly(body) : NullNode.getInstance());
      throw new FetchFailure(
          Kind.ERROR_STATUS,
          datasource
              + ": the token endpoint "
              + shownUrl
              + " answered "
              + response.statusCode()
              + error,
          answer);
    }
    JsonNode token = body.path("access_token");
    JsonNode type = body.path("token_type");
    if (!token.isTextual() || token.asText().isEmpty()) {
      throw new FetchFailure(
          Kind.OTHER,
          datasource + ": the token endpoint " + shownUrl + " gave no access_token",
          null);
    }
    if (!type.isMissingNode() && !type.asText().equalsIgnoreCase("bearer")) {
      throw new FetchFailure(
          Kind.OTHER,
          datasource
              + ": the token endpoint "
              + shownUrl
              + " gave a token of type "
              + type.asText()
              + ", not Bearer",
          null);
    }
    String authorization = "Bearer " + token.asText();
    try {
      RequestWriter.checked("Authorization", authorization);
    } catch (IllegalArgumentException e) {
      throw new FetchFailure(
          Kind.OTHER,
          datasource + ": the token endpoint " + shownUrl + " gave a token that is no header value",
          null);
    }
    return new Token(authorization, until(asked, body.path("expires_in")));
  }

  /** When a token given at {@code asked} for {@code expiresIn} seconds stops being used. */
  private static Instant until(Instant asked, JsonNode expiresIn) {
    long seconds;
    if (expiresIn.isNumber()) {
      seconds = expiresIn.asLong();
    } else if (expiresIn.isTextual() && expiresIn.asText().matches("[0-9]{1,9}")) {
      seconds = Long.parseLong(expiresIn.asText());
    } else {
      return null; // no expiry given: used until a call is answered 401
    }
    Duration lifetime = Duration.ofSeconds(Math.max(0, seconds));
    // A short-lived token keeps half its life rather than none.
    Duration margin =
        lifetime.compareTo(MARGIN.multipliedBy(2)) < 0 ? lifetime.dividedBy(2) : MARGIN;
    return asked.plus(lifetime).minus(margin);
  }

  /** RFC 6749's error fields of a token endpoint's error answer, and nothing else it may echo. */
  private static JsonNode errorOnly(JsonNode body) {
    com.fasterxml.jackson.databind.node.ObjectNode fields =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    for (String name : new String[] {"error", "error_description", "error_uri"}) {
      if (body.path(name).isTextual()) {
        fields.put(name, body.path(name).asText());
      }
    }
    return fields;
  }
}
