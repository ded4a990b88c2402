package dev.hookc.test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One request being built by {@link HookcClient}: its body, headers and signer, then {@link #send}.
 * The signer signs the exact bytes sent; headers set here win over the signer's, so that a test can
 * send a tampered signature or timestamp. {@link HttpClient} refuses to set {@code Host}, {@code
 * Content-Length}, {@code Connection}, {@code Expect} and {@code Upgrade}; every other header, any
 * content type and any bytes can be sent, to test bad requests.
 */
public final class HookcRequest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String method;
  private final URI uri;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private Duration timeout;
  private byte[] body;
  private String contentType;
  private Signer signer;

  HookcRequest(HttpClient http, String method, URI uri, Duration timeout) {
    this.http = http;
    this.method = method;
    this.uri = uri;
    this.timeout = timeout;
  }

  /**
   * {@code json} as the body, sent exactly as written (a signature covers these bytes), with {@code
   * Content-Type: application/json} unless {@link #contentType} says otherwise.
   */
  public HookcRequest json(String json) {
    return body(Objects.requireNonNull(json, "json").getBytes(StandardCharsets.UTF_8))
        .defaultContentType("application/json");
  }

  /** {@code value} written as JSON by Jackson (a map, a record, a {@code JsonNode}) as the body. */
  public HookcRequest json(Object value) {
    try {
      return body(JSON.writeValueAsBytes(value)).defaultContentType("application/json");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write as JSON: " + value, e);
    }
  }

  /** {@code text} in UTF-8 as the body, with no content type unless one is set. */
  public HookcRequest body(String text) {
    return body(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
  }

  /** {@code bytes} as the body, as they are. */
  public HookcRequest body(byte[] bytes) {
    this.body = Objects.requireNonNull(bytes, "bytes").clone();
    return this;
  }

  /** The {@code Content-Type} header. */
  public HookcRequest contentType(String contentType) {
    this.contentType = Objects.requireNonNull(contentType, "contentType");
    return this;
  }

  /** Sets header {@code name}, replacing what this request or its signer set before. */
  public HookcRequest header(String name, String value) {
    headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return this;
  }

  /** Sets every header of {@code headers}, such as those a {@link Signer} returned earlier. */
  public HookcRequest headers(Map<String, String> headers) {
    headers.forEach(this::header);
    return this;
  }

  /** Signs the body with {@code signer} when it is sent, adding the headers it returns. */
  public HookcRequest signedWith(Signer signer) {
    this.signer = Objects.requireNonNull(signer, "signer");
    return this;
  }

  /** How long to wait for the whole answer. */
  public HookcRequest timeout(Duration timeout) {
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /**
   * Sends the request and reads the whole answer.
   *
   * @throws UncheckedIOException when the server cannot be reached or does not answer in time
   */
  public HookcResponse send() {
    byte[] bytes = body == null ? new byte[0] : body;
    // Case-insensitive, as HTTP header names are: a test's "stripe-signature" replaces the
    // signer's "Stripe-Signature" rather than going out beside it.
    Map<String, String> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (signer != null) {
      all.putAll(signer.sign(bytes));
    }
    if (contentType != null) {
      all.put("Content-Type", contentType);
    }
    all.putAll(headers);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(bytes));
    all.forEach(request::header);
    try {
      HttpResponse<byte[]> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new HookcResponse(
          method, uri, response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + uri + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + method + " " + uri, e);
    }
  }

  private HookcRequest defaultContentType(String type) {
    if (contentType == null) {
      contentType = type;
    }
    return this;
  }
}
