package dev.hookc.runtime.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookc.runtime.HttpProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Schema patterns answer exactly as java.util.regex's find() does, whether scanned, run by RE2/J or
 * run under a budget, and a budget that runs out is a 400.
 */
class TextPatternTest {
  /** Generous for a loaded machine; java.util.regex takes from minutes to forever on these. */
  private static final Duration BOUND = Duration.ofSeconds(5);

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
  private static final List<String> LINEAR =
      List.of(
          // Overlapping runs need more than one scan.
          "^[a-z]*a\\z",
          "^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?\\z",
          // An optional atom after a run.
          "^a*b?c\\z",
          // Not anchored at both ends.
          "^abc",
          "abc\\z",
          "a|^b\\z",
          // Negated, shorthand, a mid-class dash, non-ASCII, code point escapes.
          "^[^a]\\z",
          "^\\d+\\z",
          "^[a-c-e]\\z",
          "^[\\x{E9}\\x{1F600}]\\z",
          "[^\\x{0}-/:-\\x{10FFFF}]",
          // Lazy quantifiers, nested quantifiers.
          "^a+?\\z",
          "(a+)+\\z",
          "(a|aa)*c");
  private static final List<String> BOUNDED =
      List.of(
          "^a++\\z",
          "^[a[b]]\\z",
          "^[a-z&&[^b]]\\z",
          "^(a)\\1\\z",
          "^(?=[a-c]*b)[a-z]+\\z",
          "(?<!x)a",
          "^(a+)+\\1b");

  @Test
  void scansAnchoredRunsOfAsciiClassesWithoutAnEngine() {
    for (String regex : SCANNED) {
      assertThat(TextPattern.compile(regex).scans()).as(regex).isTrue();
    }
    for (String regex : LINEAR) {
      assertThat(TextPattern.compile(regex).scans()).as(regex).isFalse();
    }
  }

  @Test
  void findsExactlyWhatJavaRegexFinds() {
    List<String> texts = texts();
    List<String> linear = new ArrayList<>(SCANNED);
    linear.addAll(LINEAR);
    for (String regex : linear) {
      assertSameAnswers(regex, TextPattern.compile(regex), texts);
    }
    for (String regex : BOUNDED) {
      TextPattern bounded = TextPattern.compileBounded(regex);
      assertThat(bounded.backtracks()).isTrue();
      assertSameAnswers(regex, bounded, texts);
    }
  }

  @Test
  void refusesToCompileForLinearTimeWhatOnlyBacktrackingRuns() {
    for (String regex : List.of("^a++\\z", "^(a)\\1\\z", "(?=a)", "(?<!x)a", "a{1001}")) {
      assertThatThrownBy(() -> TextPattern.compile(regex))
          .as(regex)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a pattern RE2/J runs");
    }
  }

  @Test
  void scansAndRunsHostileTextInLinearTime() {
    String tenMegabytes = "a".repeat(10_000_000);
    assertWithin(() -> TextPattern.compile("^a*b\\z").find(tenMegabytes));
    String megabyte = "a".repeat(1_000_000);
    assertWithin(() -> TextPattern.compile("a*a*a*b").find(megabyte));
    assertWithin(() -> TextPattern.compile("((a*)*)*b").find(megabyte));
    assertWithin(() -> TextPattern.compile("(a|aa)*c").find(megabyte));
  }

  @Test
  void answersA400WhenABacktrackingPatternRunsOutOfSteps() {
    // Exponential in java.util.regex: minutes for 28 letters.
    TextPattern exponential = TextPattern.compileBounded("^(a+)+\\1b");
    assertThat(exponential.find("aab")).isTrue();
    assertTooCostly(() -> exponential.find("a".repeat(28)));
    // One frame per repetition: a StackOverflowError long before the budget runs out.
    TextPattern deep = TextPattern.compileBounded("(a|aa)*(?=c)");
    assertTooCostly(() -> deep.find("a".repeat(1_000_000)));
  }

  @Test
  void budgetsStepsInProportionToTheTextLength() {
    // A quadratic pattern: about n²/2 steps for n letters, within 1,000 + 32 n for short texts.
    TextPattern quadratic = TextPattern.compileBounded("^(?:a(?=a*\\z))*b");
    assertThat(quadratic.find("a".repeat(40))).isFalse();
    assertTooCostly(() -> quadratic.find("a".repeat(2_000)));
  }

  private static void assertTooCostly(Runnable match) {
    long start = System.nanoTime();
    assertThatThrownBy(match::run)
        .isInstanceOfSatisfying(
            HttpProblem.class,
            problem -> {
              assertThat(problem.status()).isEqualTo(400);
              assertThat(problem.type()).isEqualTo(TextPattern.TOO_COSTLY);
            });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
  }

  private static void assertWithin(Runnable match) {
    long start = System.nanoTime();
    match.run();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
  }

  private static void assertSameAnswers(String regex, TextPattern actual, List<String> texts) {
    Pattern expected = Pattern.compile(regex);
    for (String text : texts) {
      assertThat(actual.find(text))
          .as("%s on \"%s\"", regex, text)
          .isEqualTo(expected.matcher(text).find());
    }
  }

  private static List<String> texts() {
    Random random = new Random(42);
    String alphabet = "abcAZ09+-._xé😀\n";
    List<String> texts = new ArrayList<>(List.of("", "evt_12345678", "EUR", "EUR\n", "+4915112"));
    texts.addAll(List.of("DE89370400440532013000", "aaab", "ab", "a", "b", "c.x", "12-a", "aab"));
    for (int i = 0; i < 3000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(14);
      for (int j = 0; j < length; j++) {
        text.appendCodePoint(
            alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(15))));
      }
      texts.add(text.toString());
    }
    return texts;
  }
}
