package dev.hookc.compiler.schema;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.yaml.YamlScalar;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Chooses the engine of a schema pattern at build time: RE2/J, which runs in time linear in the
 * sender's text, for every pattern it can run, and java.util.regex under a step budget, with a
 * warning at the pattern, for the rest.
 */
final class PatternTranslator {
  private PatternTranslator() {}

  /** The translation of the ECMA pattern in {@code scalar}; null, with an error, if invalid. */
  static PatternSource translate(YamlScalar scalar, Diagnostics diagnostics) {
    String ecma = scalar.value();
    String java = EcmaRegex.toJava(ecma);
    try {
      Pattern.compile(java);
    } catch (PatternSyntaxException e) {
      diagnostics.report(
          SchemaCode.INVALID_PATTERN,
          scalar.location(),
          "invalid regular expression '" + ecma + "': " + e.getDescription());
      return null;
    }
    String re2j = EcmaRegex.toRe2j(ecma);
    try {
      com.google.re2j.Pattern.compile(re2j);
      return new PatternSource(re2j, true);
    } catch (com.google.re2j.PatternSyntaxException e) {
      diagnostics.report(
          SchemaCode.BACKTRACKING_PATTERN,
          scalar.location(),
          "pattern '"
              + ecma
              + "' needs a backtracking engine ("
              + e.getDescription()
              + ": "
              + e.getPattern()
              + "), so it runs under a budget of 1,000 + 32 steps per character"
              + " and a value that needs more is answered with a 400",
          "write it without backreferences, lookaround, possessive quantifiers"
              + " and counts over 1000, so that it runs in linear time");
      return new PatternSource(java, false);
    }
  }
}
