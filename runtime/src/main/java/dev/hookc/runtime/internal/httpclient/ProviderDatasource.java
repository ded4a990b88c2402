package dev.hookc.runtime.internal.httpclient;

import dev.hookc.runtime.Json;
import dev.hookc.runtime.datasource.DatasourceException;
import dev.hookc.runtime.datasource.DatasourceException.Kind;
import dev.hookc.runtime.datasource.HttpCall;
import dev.hookc.runtime.datasource.HttpDatasource;
import dev.hookc.runtime.datasource.HttpResult;
import dev.hookc.runtime.telemetry.Observation;
import dev.hookc.runtime.telemetry.WorkContext;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * An {@link HttpDatasource} on the JDK's client. Every call has a deadline that covers its token,
 * its attempts and the waits between them: each attempt gets the time left, and a wait that would
 * end past the deadline is not begun — the call ends at once with what it has.
 */
final class ProviderDatasource implements HttpDatasource {
  private static final System.Logger LOG = System.getLogger("hookc.datasources");

  private final HttpTarget target;
  private final HttpClient client;
  private final Credentials credentials;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final LongSupplier nanoTime;

  ProviderDatasource(
      HttpTarget target,
      HttpClient client,
      Credentials credentials,
      RetryPolicy retry,
      Sleeper sleeper,
      LongSupplier nanoTime) {
    this.target = target;
    this.client = client;
    this.credentials = credentials;
    this.retry = retry;
    this.sleeper = sleeper;
    this.nanoTime = nanoTime;
  }

  @Override
  public String name() {
    return target.name();
  }

  /** One attempt's end: an answer, or how it failed. */
  private record Outcome(HttpResult answer, Failure failure, Throwable cause) {}

  @Override
  public HttpResult call(HttpCall call) {
    Objects.requireNonNull(call, "call");
    String operation = call.method() + " " + call.path();
    Observation observation = WorkContext.telemetry().datasource(name(), "http", operation);
    try {
      HttpResult result = call(call, operation);
      observation.status(result.status(), null);
      return result;
    } catch (DatasourceException e) {
      observation.failure(e.kind().code(), e);
      throw e;
    } catch (RuntimeException e) {
      observation.failure("exception", e);
      throw e;
    } finally {
      observation.close();
    }
  }

  private HttpResult call(HttpCall call, String operation) {
    Duration timeout = call.timeout().orElse(target.timeout());
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the timeout of " + operation + " is not positive");
    }
    Deadline deadline = Deadline.after(timeout, nanoTime);
    URI uri = RequestWriter.uri(target.baseUrl(), call.path(), call.pathValues(), call.query());
    Map<String, String> headers = RequestWriter.headers(target.headers(), call.headers());
    HttpRequest.BodyPublisher body =
        call.body()
            .map(json -> HttpRequest.BodyPublishers.ofByteArray(Json.write(json)))
            .orElse(HttpRequest.BodyPublishers.noBody());
    boolean ownAuthorization = headers.containsKey("Authorization");
    boolean repeatable = RetryPolicy.repeatable(call.method(), headers);
    boolean reauthenticated = false;
    int attempt = 1;
    while (true) {
      String authorization =
          ownAuthorization ? null : credentials.authorization(deadline, operation);
      Outcome outcome = attempt(operation, uri, call, headers, body, authorization, deadline);
      HttpResult answer = outcome.answer();
      if (answer != null
          && answer.status() == 401
          && authorization != null
          && !reauthenticated
          && credentials.rejected(authorization)) {
        // A cached token the provider no longer takes (revoked, rotated): one fresh token, once.
        reauthenticated = true;
        LOG.log(
            Level.INFO,
            "{0}: {1} answered 401; trying once more with a new token",
            name(),
            operation);
        continue;
      }
      boolean again =
          attempt < retry.maxAttempts()
              && (answer != null
                  ? retry.retriesStatus(answer.status(), repeatable)
                  : retriesFailure(outcome.failure(), repeatable, deadline));
      if (!again) {
        return ended(operation, outcome, "");
      }
      Duration wait = retry.wait(attempt, Optional.ofNullable(answer));
      if (wait.compareTo(deadline.left()) >= 0) {
        return ended(
            operation,
            outcome,
            "; not tried again: the wait of " + wait.toMillis() + " ms would pass the deadline");
      }
      LOG.log(
          Level.INFO,
          "{0}: {1} {2}; attempt {3} of {4} in {5} ms",
          name(),
          operation,
          answer != null
              ? "answered " + answer.status()
              : "failed (" + Failure.describe(outcome.cause()) + ")",
          attempt + 1,
          retry.maxAttempts(),
          wait.toMillis());
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DatasourceException(
            name(), operation, Kind.OTHER, name() + ": " + operation + " was interrupted", e);
      }
      attempt++;
    }
  }

  private Outcome attempt(
      String operation,
      URI uri,
      HttpCall call,
      Map<String, String> headers,
      HttpRequest.BodyPublisher body,
      String authorization,
      Deadline deadline) {
    Duration left = deadline.left();
    if (left.isZero()) {
      return new Outcome(null, Failure.TIMED_OUT, null);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(left).method(call.method(), body);
    request.header("Accept", "application/json");
    if (call.body().isPresent()) {
      request.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      request.setHeader("Authorization", authorization);
    }
    headers.forEach(request::setHeader);
    // The current trace goes along (traceparent), so that the provider's spans join it.
    WorkContext.telemetry().propagate(request::setHeader);
    CompletableFuture<HttpResponse<byte[]>> sent =
        client.sendAsync(request.build(), ResponseReader.capped(target.maxBodyBytes()));
    try {
      HttpResponse<byte[]> response = sent.get(left.toNanos(), TimeUnit.NANOSECONDS);
      return new Outcome(
          ResponseReader.result(response.statusCode(), response.headers(), response.body()),
          null,
          null);
    } catch (TimeoutException e) {
      sent.cancel(true);
      return new Outcome(null, Failure.TIMED_OUT, e);
    } catch (InterruptedException e) {
      sent.cancel(true);
      Thread.currentThread().interrupt();
      throw new DatasourceException(
          name(), operation, Kind.OTHER, name() + ": " + operation + " was interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (Failure.find(cause, ResponseReader.TooLarge.class) != null) {
        throw new DatasourceException(
            name(),
            operation,
            Kind.OTHER,
            name()
                + ": "
                + operation
                + " was answered with a body larger than "
                + target.maxBodyBytes()
                + " bytes",
            null);
      }
      return new Outcome(null, deadline.passed() ? Failure.TIMED_OUT : Failure.of(cause), cause);
    } catch (ResponseReader.NotJson e) {
      throw new DatasourceException(
          name(), operation, Kind.OTHER, name() + ": " + operation + ": " + e.getMessage(), null);
    }
  }

  private boolean retriesFailure(Failure failure, boolean repeatable, Deadline deadline) {
    return switch (failure) {
      case NOT_SENT -> retry.retriesFailure(false, repeatable);
      case MAYBE_SENT -> retry.retriesFailure(true, repeatable);
      // An attempt has all the time left, so its timeout is the deadline's, but for the connect
      // timeout of the application's client, which is an attempt that sent nothing.
      case TIMED_OUT -> !deadline.passed() && retry.retriesFailure(true, repeatable);
    };
  }

  /** The call's end with the last attempt's {@code outcome}: its answer, or its failure thrown. */
  private HttpResult ended(String operation, Outcome outcome, String why) {
    if (outcome.answer() != null) {
      return outcome.answer();
    }
    String message = name() + ": " + operation;
    if (outcome.failure() == Failure.TIMED_OUT) {
      throw new DatasourceException(
          name(),
          operation,
          Kind.TIMEOUT,
          message + " got no answer before its deadline" + why,
          outcome.cause());
    }
    throw new DatasourceException(
        name(),
        operation,
        Kind.UNAVAILABLE,
        message + " failed: " + Failure.describe(outcome.cause()) + why,
        outcome.cause());
  }
}
