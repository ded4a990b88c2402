package dev.hookc.runtime.http;

/**
 * The memory all request bodies still arriving may hold together. Without it, connections that each
 * send a large body slowly would together hold as much as their number times the body limit, since
 * receiving costs no slot. Used on the selector thread only.
 */
final class BodyBudget {

  private final long limit;
  private long used;

  BodyBudget(long limit) {
    this.limit = limit;
  }

  /** Takes {@code bytes} from the budget, or refuses the body being received. */
  void reserve(long bytes) throws RequestRejected {
    if (used + bytes > limit) {
      throw new RequestRejected(
          new Rejection(
              503,
              "Service Unavailable",
              "overloaded",
              "the server is receiving too many request bodies; retry after the given delay"));
    }
    used += bytes;
  }

  void release(long bytes) {
    used -= bytes;
  }
}
