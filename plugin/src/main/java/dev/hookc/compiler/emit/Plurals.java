package dev.hookc.compiler.emit;

/** Counted nouns in generated text: "1 route", "2 routes". */
final class Plurals {
  private Plurals() {}

  /** {@code count} and {@code noun}, plural unless {@code count} is 1; {@code noun} takes an s. */
  static String count(long count, String noun) {
    return count + " " + (count == 1 ? noun : noun + "s");
  }
}
