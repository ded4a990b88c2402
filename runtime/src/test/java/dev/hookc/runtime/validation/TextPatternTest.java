package dev.hookc.runtime.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Schema patterns answer exactly as java.util.regex's find() does, scanned or not. */
class TextPatternTest {
  private static final List<String> SCANNED =
      List.of(
          "^evt_[A-Za-z0-9]{8,32}\\z",
          "^[A-Z]{3}\\z",
          "^\\+[1-9][0-9]{6,14}\\z",
          "^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}\\z",
          "^a*b\\z",
          "^[a-c]+\\.[-x]?\\z",
          "^[0-9]{2,}-[a-z]\\z",
          "^\\z",
          "^ab?\\z");
  private static final List<String> LEFT_TO_REGEX =
      List.of(
          // Overlapping runs need backtracking.
          "^[a-z]*a\\z",
          "^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?\\z",
          // An optional atom after a run.
          "^a*b?c\\z",
          // Not anchored at both ends.
          "^abc",
          "abc\\z",
          "a|^b\\z",
          // Negated, nested, intersected, shorthand, a mid-class dash.
          "^[^a]\\z",
          "^[a[b]]\\z",
          "^[a-z&&[^b]]\\z",
          "^\\d+\\z",
          "^[a-c-e]\\z",
          // Lazy and possessive quantifiers.
          "^a+?\\z",
          "^a++\\z",
          "^.\\z");

  @Test
  void scansAnchoredRunsOfAsciiClassesWithoutBacktracking() {
    for (String regex : SCANNED) {
      assertThat(TextPattern.compile(regex).scans()).as(regex).isTrue();
    }
    for (String regex : LEFT_TO_REGEX) {
      assertThat(TextPattern.compile(regex).scans()).as(regex).isFalse();
    }
  }

  @Test
  void findsExactlyWhatJavaRegexFinds() {
    Random random = new Random(42);
    String alphabet = "abcAZ09+-._xé😀\n";
    List<String> texts = new ArrayList<>(List.of("", "evt_12345678", "EUR", "EUR\n", "+4915112"));
    texts.addAll(List.of("DE89370400440532013000", "aaab", "ab", "a", "b", "c.x", "12-a"));
    for (int i = 0; i < 3000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(14);
      for (int j = 0; j < length; j++) {
        text.appendCodePoint(
            alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(15))));
      }
      texts.add(text.toString());
    }
    List<String> all = new ArrayList<>(SCANNED);
    all.addAll(LEFT_TO_REGEX);
    for (String regex : all) {
      Pattern expected = Pattern.compile(regex);
      TextPattern actual = TextPattern.compile(regex);
      for (String text : texts) {
        assertThat(actual.find(text))
            .as("%s on \"%s\"", regex, text)
            .isEqualTo(expected.matcher(text).find());
      }
    }
  }
}
