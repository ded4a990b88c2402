package dev.hookc.compiler.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** ECMA-262 patterns keep their ECMA meaning once translated for java.util.regex. */
class EcmaRegexTest {

  @Test
  void matchesAsciiDigitsAndWordCharactersOnly() {
    assertThat(find("^\\d+$", "123")).isTrue();
    assertThat(find("^\\d+$", "\u09ea")).isFalse();
    assertThat(find("^\\w$", "\u00e9")).isFalse();
  }

  @Test
  void anchorsDollarAtTheVeryEnd() {
    assertThat(find("^abc$", "abc\n")).isFalse();
    assertThat(find("^abc$", "abc")).isTrue();
  }

  @Test
  void readsBracedCodePointEscapesAndLoneBraces() {
    assertThat(find("^\\u{1F600}$", "\uD83D\uDE00")).isTrue();
    assertThat(find("a{", "xa{")).isTrue();
    assertThat(find("^[a[]+$", "a[a")).isTrue();
  }

  @Test
  void stopsDotAtLineTerminatorsOnly() {
    assertThat(find("^.$", "\u0085")).isTrue();
    assertThat(find("^.$", "\u2028")).isFalse();
  }

  private static boolean find(String ecma, String input) {
    return Pattern.compile(EcmaRegex.translate(ecma)).matcher(input).find();
  }
}
