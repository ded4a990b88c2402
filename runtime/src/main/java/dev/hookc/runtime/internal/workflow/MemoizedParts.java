package dev.hookc.runtime.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Request parts read from another source once each, on first use.
 *
 * <p>Tasks of {@code parallel} and {@code each_parallel} read them from several threads. No lock is
 * taken: threads that race on a part may each build it, but only the first value stored is kept and
 * every reader gets that one, so a tree read twice is the same tree.
 */
final class MemoizedParts implements RequestParts {
  private static final int PARAMS = 0;
  private static final int QUERY = 1;
  private static final int HEADERS = 2;
  private static final int USER = 3;
  private static final int COOKIES = 4;
  private static final int RAW_BODY = 5;
  private static final int DELIVERY = 6;

  private final RequestParts source;
  private final AtomicReferenceArray<Object> built = new AtomicReferenceArray<>(7);

  MemoizedParts(RequestParts source) {
    this.source = source;
  }

  @Override
  public JsonNode params() {
    return (JsonNode) part(PARAMS);
  }

  @Override
  public JsonNode query() {
    return (JsonNode) part(QUERY);
  }

  @Override
  public JsonNode headers() {
    return (JsonNode) part(HEADERS);
  }

  @Override
  public JsonNode user() {
    return (JsonNode) part(USER);
  }

  @Override
  public JsonNode cookies() {
    return (JsonNode) part(COOKIES);
  }

  @Override
  public String rawBody() {
    return (String) part(RAW_BODY);
  }

  @Override
  public JsonNode delivery() {
    return (JsonNode) part(DELIVERY);
  }

  private Object part(int slot) {
    Object value = built.get(slot);
    if (value == null) {
      Object fresh = build(slot);
      value = built.compareAndExchange(slot, null, fresh);
      if (value == null) {
        value = fresh;
      }
    }
    return value;
  }

  private Object build(int slot) {
    return switch (slot) {
      case PARAMS -> source.params();
      case QUERY -> source.query();
      case HEADERS -> source.headers();
      case USER -> source.user();
      case COOKIES -> source.cookies();
      case RAW_BODY -> source.rawBody();
      case DELIVERY -> source.delivery();
      default -> throw new IllegalArgumentException("no such part: " + slot);
    };
  }
}
