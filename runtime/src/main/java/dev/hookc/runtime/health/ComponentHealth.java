package dev.hookc.runtime.health;

/**
 * Whether one component runs, as the health route reports it.
 *
 * @param up whether it runs now
 * @param detail why it does not (or what it is doing), for the operator; null when there is nothing
 *     to say
 * @param restarts how many times it was started again after a failure
 */
public record ComponentHealth(boolean up, String detail, long restarts) {

  public ComponentHealth {
    if (restarts < 0) {
      throw new IllegalArgumentException("restarts must not be negative: " + restarts);
    }
  }

  /** Running, after {@code restarts} restarts. */
  public static ComponentHealth up(long restarts) {
    return new ComponentHealth(true, null, restarts);
  }

  /** Not running, because of {@code detail}, after {@code restarts} restarts. */
  public static ComponentHealth down(String detail, long restarts) {
    return new ComponentHealth(false, detail, restarts);
  }
}
