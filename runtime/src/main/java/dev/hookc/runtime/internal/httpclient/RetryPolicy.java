package dev.hookc.runtime.internal.httpclient;

import dev.hookc.runtime.datasource.HttpResult;
import dev.hookc.runtime.internal.datasource.HttpDefinition.Retry;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * What a datasource's {@code retry} means for one call.
 *
 * <p>A method that RFC 9110 calls idempotent (GET, HEAD, OPTIONS, TRACE, PUT, DELETE), or a call
 * with an {@code Idempotency-Key} header, is tried again on every listed status and on every
 * connection error. Any other call (a POST, a PATCH: a payment, a refund) is tried again only when
 * the provider cannot have acted on it: the connection was refused or never opened, or the provider
 * answered a listed status that says it did not process the request (408, 425, 429, 503). A 500,
 * 502 or 504, a reset or a timeout after the request was sent leaves open whether the provider
 * charged the card, so trying again could charge it twice.
 */
final class RetryPolicy {
  private static final Set<String> IDEMPOTENT =
      Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");
  private static final Set<Integer> NOT_PROCESSED = Set.of(408, 425, 429, 503);

  /** No wait beyond this, whatever the settings: a day, far beyond any call's deadline. */
  private static final Duration LONGEST = Duration.ofDays(1);

  private final Retry retry;
  private final DoubleSupplier random;
  private final Clock clock;

  RetryPolicy(Retry retry, DoubleSupplier random, Clock clock) {
    this.retry = retry;
    this.random = random;
    this.clock = clock;
  }

  int maxAttempts() {
    return retry.maxAttempts();
  }

  /** Whether the provider may see a call twice without harm. */
  static boolean repeatable(String method, Map<String, String> headers) {
    return IDEMPOTENT.contains(method) || headers.containsKey("Idempotency-Key");
  }

  boolean retriesStatus(int status, boolean repeatable) {
    return retry.statuses().contains(status) && (repeatable || NOT_PROCESSED.contains(status));
  }

  /**
   * @param sent whether the request may have reached the provider
   */
  boolean retriesFailure(boolean sent, boolean repeatable) {
    return retry.connectionErrors() && (repeatable || !sent);
  }

  /**
   * The wait before retry {@code retried} (1 for the second attempt): the answer's {@code
   * Retry-After} when it has one, else the backoff's; never more than {@code max_interval}.
   */
  Duration wait(int retried, Optional<HttpResult> answer) {
    Duration wait = answer.flatMap(this::retryAfter).orElseGet(() -> backoff(retried));
    return min(wait, retry.maxInterval());
  }

  private Duration backoff(int retried) {
    Duration interval = retry.interval();
    Duration max = retry.maxInterval();
    return switch (retry.backoff()) {
      case CONSTANT -> interval;
      case EXPONENTIAL -> {
        // Full jitter (a uniform wait up to the doubled interval) spreads the retries of many
        // callers that failed together, so that they do not hit a recovering provider at once.
        Duration ceiling = interval;
        for (int i = 1; i < retried && ceiling.compareTo(max) < 0; i++) {
          ceiling = ceiling.multipliedBy(2);
        }
        yield scaled(min(ceiling, max), random.getAsDouble());
      }
      case RANDOM ->
          interval.plus(
              scaled(
                  max.compareTo(interval) > 0 ? max.minus(interval) : Duration.ZERO,
                  random.getAsDouble()));
    };
  }

  /** The answer's {@code Retry-After}: seconds, or an HTTP date (a past one is no wait). */
  Optional<Duration> retryAfter(HttpResult answer) {
    List<String> values = answer.headers().getOrDefault("retry-after", List.of());
    if (values.isEmpty()) {
      return Optional.empty();
    }
    String value = values.get(0).trim();
    if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.of(
          value.length() > 9 ? LONGEST : min(Duration.ofSeconds(Long.parseLong(value)), LONGEST));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return Optional.of(wait.isNegative() ? Duration.ZERO : min(wait, LONGEST));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Duration scaled(Duration duration, double factor) {
    return Duration.ofNanos((long) (duration.toNanos() * factor));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
