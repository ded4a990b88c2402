package dev.hookc.runtime.internal.httpclient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.datasource.HttpResult;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a provider's answer: its body collected up to a cap (a provider, or whatever answers at its
 * address, could otherwise fill the heap), then parsed as JSON when its type says so.
 */
final class ResponseReader {

  /** A body larger than this fails the call: 10 MiB, far above what an API's answer needs. */
  static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  private ResponseReader() {}

  /** A body longer than the cap. */
  static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge(int cap) {
      super("the answer's body is larger than " + cap + " bytes", null, false, false);
    }
  }

  /** A body that its type says is JSON and is not. */
  static final class NotJson extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotJson(String detail) {
      super(detail, null, false, false);
    }
  }

  /** Collects a body of at most {@code cap} bytes, and fails with {@link TooLarge} beyond. */
  static HttpResponse.BodyHandler<byte[]> capped(int cap) {
    return info ->
        new CappedBody(cap, info.headers().firstValueAsLong("content-length").orElse(-1));
  }

  /** The result of a response: headers in lower case, the body as JSON. */
  static HttpResult result(int status, HttpHeaders headers, byte[] body) {
    Map<String, List<String>> lowered = new LinkedHashMap<>();
    headers
        .map()
        .forEach(
            (name, values) ->
                lowered
                    .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                    .addAll(values));
    lowered.replaceAll((name, values) -> List.copyOf(values));
    return new HttpResult(
        status,
        Collections.unmodifiableMap(lowered),
        body(headers.firstValue("content-type").orElse(""), body));
  }

  /**
   * @throws NotJson when {@code contentType} is JSON and {@code body} is not
   */
  static JsonNode body(String contentType, byte[] body) {
    if (body.length == 0) {
      return NullNode.getInstance();
    }
    int semicolon = contentType.indexOf(';');
    String mediaType =
        (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
            .trim()
            .toLowerCase(Locale.ROOT);
    if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
      try {
        return Json.read(body);
      } catch (HttpProblem e) {
        throw new NotJson(
            "the answer's body is " + mediaType + " but not valid JSON (" + e.detail() + ")");
      }
    }
    return TextNode.valueOf(new String(body, charset(contentType)));
  }

  private static Charset charset(String contentType) {
    int at = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
    if (at < 0) {
      return StandardCharsets.UTF_8;
    }
    int end = contentType.indexOf(';', at);
    String name = contentType.substring(at + 8, end < 0 ? contentType.length() : end);
    try {
      return Charset.forName(name.trim().replace("\"", ""));
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }

  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final int cap;
    private final long declared;
    private Flow.Subscription subscription;

    CappedBody(int cap, long declared) {
      this.cap = cap;
      this.declared = declared;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      if (declared > cap) {
        subscription.cancel();
        result.completeExceptionally(new TooLarge(cap));
      } else {
        subscription.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        if (bytes.size() + (long) item.remaining() > cap) {
          subscription.cancel();
          result.completeExceptionally(new TooLarge(cap));
          return;
        }
        byte[] chunk = new byte[item.remaining()];
        item.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable failure) {
      result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }
  }
}
