package dev.hookc.runtime.internal.validation;

import dev.hookc.runtime.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the violations a generated validator finds, up to a cap, so that a hostile document with
 * a million bad items cannot make the error response a million entries long.
 */
public final class ViolationCollector {
  /** The cap used when the caller does not choose one. */
  public static final int DEFAULT_CAP = 1000;

  private final int cap;
  private final List<Violation> violations = new ArrayList<>();

  /** A collector that keeps at most {@code cap} violations. */
  public ViolationCollector(int cap) {
    if (cap < 1) {
      throw new IllegalArgumentException("cap must be positive: " + cap);
    }
    this.cap = cap;
  }

  /** A collector with the {@link #DEFAULT_CAP}. */
  public ViolationCollector() {
    this(DEFAULT_CAP);
  }

  /** Records a violation unless the cap is reached. */
  public void add(String pointer, String keyword, String message) {
    if (violations.size() < cap) {
      violations.add(new Violation(pointer, keyword, message));
    }
  }

  /** Records a violation in the part of the request {@code in}, unless the cap is reached. */
  public void add(String pointer, String keyword, String message, String in) {
    if (violations.size() < cap) {
      violations.add(new Violation(pointer, keyword, message, in));
    }
  }

  /** Whether the cap is reached; validators stop looking then. */
  public boolean isFull() {
    return violations.size() >= cap;
  }

  /** Whether nothing was recorded. */
  public boolean isEmpty() {
    return violations.isEmpty();
  }

  /** What was recorded, in the order found. */
  public List<Violation> violations() {
    return List.copyOf(violations);
  }
}
