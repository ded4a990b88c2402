package dev.hookc.compiler.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * ECMA-262 patterns keep their ECMA meaning once translated, for RE2/J and for java.util.regex
 * alike.
 */
class EcmaRegexTest {

  @Test
  void matchesAsciiDigitsAndWordCharactersOnly() {
    assertFinds("^\\d+$", "123", true);
    assertFinds("^\\d+$", "\u09ea", false);
    assertFinds("^\\w$", "\u00e9", false);
  }

  @Test
  void anchorsDollarAtTheVeryEnd() {
    assertFinds("^abc$", "abc\n", false);
    assertFinds("^abc$", "abc", true);
  }

  @Test
  void readsBracedCodePointEscapesAndLoneBraces() {
    assertFinds("^\\u{1F600}$", "\uD83D\uDE00", true);
    assertFinds("a{", "xa{", true);
    assertFinds("^[a[]+$", "a[a", true);
  }

  @Test
  void readsAnEscapedSurrogatePairAsOneCodePoint() {
    assertFinds("^\\uD83D\\uDE00$", "\uD83D\uDE00", true);
    assertFinds("^[\\uD83D\\uDE00-\\uD83D\\uDE4F]$", "\uD83D\uDE03", true);
    assertFinds("^\\u00e9$", "\u00e9", true);
    assertFinds("^\\cJ$", "\n", true);
  }

  @Test
  void stopsDotAtLineTerminatorsOnly() {
    assertFinds("^.$", "\u0085", true);
    assertFinds("^.$", "\u2028", false);
  }

  @Test
  void readsNegatedShorthandsInsideAClassAsTheirComplement() {
    for (int c = 0; c < 0x3100; c++) {
      String text = new String(Character.toChars(c));
      for (String shorthand : new String[] {"\\S", "\\D", "\\W", "\\s", "\\d", "\\w"}) {
        boolean outside = Pattern.compile(EcmaRegex.toJava(shorthand)).matcher(text).find();
        assertFinds("[" + shorthand + "]", text, outside);
        assertFinds("[^" + shorthand + "]", text, !outside);
      }
    }
    assertFinds("[\\S]", "\uFEFF", false);
    assertFinds("[\\S]", "\uFF01", true);
  }

  @Test
  void readsEmptyAndFullClasses() {
    assertFinds("[]", "a", false);
    assertFinds("^[^]$", "\n", true);
  }

  @Test
  void readsLongPropertyNamesAndScripts() {
    assertFinds("^\\p{Letter}+$", "\u00e9a", true);
    assertFinds("^\\p{General_Category=Decimal_Number}$", "7", true);
    assertFinds("^\\p{Script=Greek}+$", "\u03b1\u03b2", true);
    assertFinds("^\\p{Script=Greek}$", "a", false);
  }

  @Test
  void leavesToJavaRegexOnlyWhatRe2jCannotRun() {
    for (String linear : new String[] {"^[A-Z]{3}$", "(a+)+$", "(?<name>a)", "\\bword\\b"}) {
      com.google.re2j.Pattern.compile(EcmaRegex.toRe2j(linear));
    }
    for (String backtracking : new String[] {"(a)\\1", "(?=a)", "(?<!a)b", "a{1001}"}) {
      Pattern.compile(EcmaRegex.toJava(backtracking));
      assertThat(compilesInRe2j(EcmaRegex.toRe2j(backtracking))).as(backtracking).isFalse();
    }
  }

  private static void assertFinds(String ecma, String input, boolean expected) {
    assertThat(Pattern.compile(EcmaRegex.toJava(ecma)).matcher(input).find())
        .as("java.util.regex: %s on \"%s\"", ecma, input)
        .isEqualTo(expected);
    assertThat(com.google.re2j.Pattern.compile(EcmaRegex.toRe2j(ecma)).matcher(input).find())
        .as("RE2/J: %s on \"%s\"", ecma, input)
        .isEqualTo(expected);
  }

  private static boolean compilesInRe2j(String regex) {
    try {
      com.google.re2j.Pattern.compile(regex);
      return true;
    } catch (com.google.re2j.PatternSyntaxException e) {
      return false;
    }
  }
}
