package dev.hookc.compiler.expr;

/** English indefinite articles for type names in messages. */
final class Article {
  private Article() {}

  /** {@code noun} with "a" or "an" in front. */
  static String of(String noun) {
    return (!noun.isEmpty() && "aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0
            ? "an "
            : "a ")
        + noun;
  }
}
