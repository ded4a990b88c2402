package dev.hookc.runtime.security;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a JSON Web Key Set with the JDK's HTTP client for Nimbus' caching key source: one
 * deadline for the whole exchange, body included (a host that trickles its answer is cut off like
 * one that does not answer), no redirect followed, a bounded body, and only a 2xx accepted.
 */
final class JwksFetcher implements ResourceRetriever {
  /** Larger than any provider's key set (Microsoft's, with certificate chains, is about 15 KB). */
  static final int MAX_BYTES = 256 * 1024;

  private static final System.Logger LOG = System.getLogger("dev.hookc.runtime.security");

  private final HttpClient client;
  private final Duration timeout;
  private volatile boolean lastFailed;

  JwksFetcher(Duration timeout) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** Whether the last fetch failed: the host is down, rather than a token's key unknown. */
  boolean lastFailed() {
    return lastFailed;
  }

  @Override
  public Resource retrieveResource(URL url) throws IOException {
    try {
      Resource resource = fetch(url);
      lastFailed = false;
      return resource;
    } catch (IOException e) {
      lastFailed = true;
      LOG.log(Level.WARNING, "could not fetch the JWKS at {0}: {1}", url, e.getMessage());
      throw e;
    }
  }

  private Resource fetch(URL url) throws IOException {
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(url.toURI())
              .timeout(timeout)
              .header("Accept", "application/json")
              .GET()
              .build();
    } catch (URISyntaxException e) {
      throw new IOException("not a URL: " + url, e);
    }
    CompletableFuture<HttpResponse<byte[]>> exchange =
        client.sendAsync(request, info -> new BoundedBody(MAX_BYTES));
    HttpResponse<byte[]> response;
    try {
      response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new IOException("no complete answer within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new IOException(cause.getMessage() == null ? cause.toString() : cause.getMessage());
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while fetching the JWKS");
    }
    if (response.statusCode() / 100 != 2) {
      throw new IOException("the host answered " + response.statusCode());
    }
    String contentType = response.headers().firstValue("content-type").orElse(null);
    return new Resource(new String(response.body(), StandardCharsets.UTF_8), contentType);
  }

  /** Collects a body of at most {@code limit} bytes; a longer one fails the exchange. */
  private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final int limit;
    private Flow.Subscription subscription;

    BoundedBody(int limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        if (bytes.size() + buffer.remaining() > limit) {
          subscription.cancel();
          result.completeExceptionally(new IOException("the key set is over " + limit + " bytes"));
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.writeBytes(chunk);
      }
    }

    @Override
    public void onError(Throwable error) {
      result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }
  }
}
