package dev.hookc.runtime.internal.httpclient;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.datasource.HttpDatasource;
import dev.hookc.runtime.internal.datasource.HttpDefinition;
import dev.hookc.runtime.internal.datasource.HttpDefinition.Authn;
import dev.hookc.runtime.internal.datasource.HttpDefinition.Retry;
import dev.hookc.runtime.internal.datasource.Setting;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * Opens the {@link HttpDatasource} of an {@link HttpDefinition}: its settings resolved from the
 * application's configuration and environment, its calls made with the application's client.
 */
public final class HttpDatasources {

  /**
   * The largest body of a provider's answer, in bytes (10 MiB); a larger one fails the call with a
   * {@link dev.hookc.runtime.datasource.DatasourceException} of kind {@code OTHER}.
   */
  public static final int MAX_RESPONSE_BYTES = ResponseReader.MAX_BODY_BYTES;

  private HttpDatasources() {}

  /**
   * A client for an application's http datasources: it connects within 10 seconds and follows no
   * redirect. The JDK's client, when it follows one to another host, sends the {@code
   * Authorization} header there too, so a provider's redirect (or a forged one) would hand the
   * datasource's token to whoever it names; a redirect is rather the call's answer.
   */
  public static HttpClient client() {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * The problems of {@code definition}'s settings in {@code config} and {@code environment}, one
   * sentence each, none showing a setting's value; empty when it can be opened.
   */
  public static List<String> problems(
      HttpDefinition definition, JsonNode config, UnaryOperator<String> environment) {
    List<String> problems = new ArrayList<>();
    Resolution resolution = new Resolution(definition, config, environment, problems);
    resolution.target();
    resolution.credentials(null, null);
    return problems;
  }

  /**
   * {@code definition}'s datasource, calling with {@code client} (one from {@link #client()},
   * shared by the application's datasources); {@code clock} tells when a cached token expires and
   * what an HTTP-date {@code Retry-After} means.
   *
   * @throws IllegalArgumentException with every problem {@link #problems} finds, or when {@code
   *     client} follows redirects
   */
  public static HttpDatasource open(
      HttpDefinition definition,
      JsonNode config,
      UnaryOperator<String> environment,
      HttpClient client,
      Clock clock) {
    return open(
        definition,
        config,
        environment,
        client,
        clock,
        Sleeper.REAL,
        () -> ThreadLocalRandom.current().nextDouble(),
        System::nanoTime);
  }

  /** As {@link #open}, with what tests replace: the waits, the jitter and the monotonic clock. */
  static HttpDatasource open(
      HttpDefinition definition,
      JsonNode config,
      UnaryOperator<String> environment,
      HttpClient client,
      Clock clock,
      Sleeper sleeper,
      DoubleSupplier random,
      LongSupplier nanoTime) {
    if (client.followRedirects() != HttpClient.Redirect.NEVER) {
      throw new IllegalArgumentException(
          "an http datasource's client must follow no redirects, which would carry its"
              + " credentials to another host; use HttpDatasources.client()");
    }
    List<String> problems = new ArrayList<>();
    Resolution resolution = new Resolution(definition, config, environment, problems);
    HttpTarget target = resolution.target();
    Credentials credentials = resolution.credentials(client, clock);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return new ProviderDatasource(
        target,
        client,
        credentials,
        new RetryPolicy(definition.retry(), random, clock),
        sleeper,
        nanoTime);
  }

  /** Reads a definition's settings, adding what is wrong to a list. */
  private static final class Resolution {
    private final HttpDefinition definition;
    private final JsonNode config;
    private final UnaryOperator<String> environment;
    private final List<String> problems;

    Resolution(
        HttpDefinition definition,
        JsonNode config,
        UnaryOperator<String> environment,
        List<String> problems) {
      this.definition = definition;
      this.config = config;
      this.environment = environment;
      this.problems = problems;
    }

    HttpTarget target() {
      String base = url("base_url", definition.baseUrl(), false);
      Map<String, String> headers = new LinkedHashMap<>();
      definition
          .headers()
          .forEach(
              (name, setting) -> {
                String value = value("the header " + name, setting);
                if (value != null) {
                  try {
                    headers.put(name, RequestWriter.checked(name, value));
                  } catch (IllegalArgumentException e) {
                    problem(e.getMessage());
                  }
                }
              });
      if (definition.timeout().isNegative() || definition.timeout().isZero()) {
        problem("timeout is not positive");
      }
      retry(definition.retry());
      return new HttpTarget(
          definition.name(),
          base == null ? "" : base.replaceAll("/+$", ""),
          headers,
          definition.timeout(),
          ResponseReader.MAX_BODY_BYTES);
    }

    private void retry(Retry retry) {
      if (retry.maxAttempts() < 1) {
        problem("retry.max_attempts is less than 1");
      }
      if (retry.interval().isNegative() || retry.maxInterval().isNegative()) {
        problem("a retry interval is negative");
      }
      if (retry.interval().compareTo(retry.maxInterval()) > 0) {
        problem("retry.interval is longer than retry.max_interval");
      }
    }

    /** The credentials; with a null client, only their settings are checked. */
    Credentials credentials(HttpClient client, Clock clock) {
      if (definition.authn().isEmpty()) {
        return Credentials.NONE;
      }
      Authn authn = definition.authn().get();
      if (authn instanceof Authn.Bearer bearer) {
        String token = value("authn.token", bearer.token());
        return token == null ? null : Credentials.fixed(header("authn.token", "Bearer " + token));
      }
      if (authn instanceof Authn.Basic basic) {
        String user = value("authn.user", basic.user());
        String password = value("authn.password", basic.password());
        if (user == null || password == null) {
          return null;
        }
        if (user.indexOf(':') >= 0) {
          problem("authn.user holds a ':', which Basic authentication cannot send");
        }
        return Credentials.fixed(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
      }
      Authn.ClientCredentials oauth = (Authn.ClientCredentials) authn;
      String tokenUrl = url("authn.token_url", oauth.tokenUrl(), true);
      String clientId = value("authn.client_id", oauth.clientId());
      String clientSecret = value("authn.client_secret", oauth.clientSecret());
      String scope = oauth.scope().map(s -> value("authn.scope", s)).orElse(null);
      String audience = oauth.audience().map(s -> value("authn.audience", s)).orElse(null);
      if (client == null || tokenUrl == null || clientId == null || clientSecret == null) {
        return null;
      }
      return new TokenSource(
          definition.name(),
          URI.create(tokenUrl),
          clientId,
          clientSecret,
          scope,
          audience,
          definition.timeout(),
          client,
          clock);
    }

    private String header(String what, String value) {
      try {
        return RequestWriter.checked("Authorization", value);
      } catch (IllegalArgumentException e) {
        problem(what + " holds a line break or a control character");
        return value;
      }
    }

    /**
     * An absolute http(s) URL without user info or fragment; a query only where {@code
     * queryAllowed} (a token endpoint's may name a tenant or policy, but a base URL's would end up
     * inside every call's path).
     */
    private String url(String what, Setting setting, boolean queryAllowed) {
      String value = value(what, setting);
      if (value == null) {
        return null;
      }
      String wrong;
      try {
        URI uri = new URI(value);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
          wrong = "is not an absolute http or https URL";
        } else if (uri.getRawUserInfo() != null) {
          wrong = "holds a user and password, which belong in authn";
        } else if ((uri.getRawQuery() != null && !queryAllowed) || uri.getRawFragment() != null) {
          wrong = queryAllowed ? "has a fragment" : "has a query or a fragment";
        } else {
          return value;
        }
      } catch (URISyntaxException e) {
        wrong = "is not a valid URL";
      }
      problem(what + " (" + setting.source() + ") " + wrong);
      return null;
    }

    private String value(String what, Setting setting) {
      String value;
      try {
        value = setting.resolve(config, environment);
      } catch (RuntimeException e) {
        problem(what + " (" + setting.source() + ") cannot be read: " + e.getMessage());
        return null;
      }
      if (value == null || value.isEmpty()) {
        problem(what + " (" + setting.source() + ") is not set");
        return null;
      }
      return value;
    }

    private void problem(String problem) {
      problems.add("the http datasource " + definition.name() + ": " + problem);
    }
  }
}
