package dev.hookc.runtime.internal;

/**
 * Makes a Java function when its application starts: the generated {@code () -> new
 * RecordTransaction(wiring.dataSource())}. Unlike a {@code Supplier} it may throw what the
 * function's constructor declares (a {@code SQLException}, say), which fails the start.
 */
@FunctionalInterface
public interface FunctionFactory<T> {
  T create() throws Exception;
}
