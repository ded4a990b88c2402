package dev.hookc.compiler.analysis;

import java.util.List;
import java.util.function.Function;

/**
 * Applies a function to independent items on every core while keeping the results in the items'
 * order, so that parallel generation gives the same output as sequential generation.
 */
final class InOrder {
  private InOrder() {}

  /** {@code function} of each item, in the order of {@code items}. */
  static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> function) {
    // An ordered parallel stream collects in encounter order whatever thread computed what.
    return items.parallelStream().<R>map(function).toList();
  }
}
