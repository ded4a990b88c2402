package dev.hookc.runtime.internal.validation;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.hookc.runtime.HttpProblem;
import java.util.List;

/**
 * A schema {@code pattern}, compiled once, that answers whether it is found in a string, in time
 * linear in the string's length.
 *
 * <p>Patterns meet senders' input, and a backtracking engine such as java.util.regex takes
 * exponential time on some of them ({@code (a+)+$}) or overflows its stack ({@code (a|aa)*c}), so
 * {@link #compile} runs a pattern with RE2/J, an automaton that reads each character a bounded
 * number of times, or with one scan when the pattern is an anchored run of ASCII classes (see
 * {@link AsciiScan}). The few patterns that need backtracking are compiled with {@link
 * #compileBounded}: java.util.regex under a budget of steps, which answers a 400 when a text would
 * take more.
 */
public final class TextPattern {
  /** The problem type of a text that took a backtracking pattern past its budget. */
  public static final String TOO_COSTLY = "https://hookc.dev/problems/pattern-too-costly";

  private final String source;
  private final AsciiScan scan;
  private final Pattern linear;
  private final BudgetedRegex budgeted;

  private TextPattern(String source, AsciiScan scan, Pattern linear, BudgetedRegex budgeted) {
    this.source = source;
    this.scan = scan;
    this.linear = linear;
    this.budgeted = budgeted;
  }

  /**
   * The pattern for {@code regex} in the syntax RE2/J and java.util.regex share, matched in linear
   * time; a pattern RE2/J cannot run is refused.
   */
  public static TextPattern compile(String regex) {
    AsciiScan scan = AsciiScan.parse(regex);
    if (scan != null) {
      return new TextPattern(regex, scan, null, null);
    }
    try {
      return new TextPattern(regex, null, Pattern.compile(regex), null);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "not a pattern RE2/J runs: " + regex + " (" + e.getDescription() + ")", e);
    }
  }

  /**
   * The pattern for java.util.regex source {@code javaRegex}, for patterns RE2/J cannot run: each
   * match may take at most 1,000 + 32 × the text's length steps.
   */
  public static TextPattern compileBounded(String javaRegex) {
    return new TextPattern(javaRegex, null, null, new BudgetedRegex(javaRegex));
  }

  /**
   * Whether the pattern is found in {@code text}.
   *
   * @throws HttpProblem a 400 of type {@link #TOO_COSTLY} when a bounded pattern needs more steps
   *     than its budget
   */
  public boolean find(String text) {
    if (scan != null) {
      return scan.matches(text);
    }
    if (linear != null) {
      return linear.matcher(text).find();
    }
    try {
      return budgeted.find(text);
    } catch (BudgetedRegex.OutOfSteps e) {
      throw HttpProblem.badRequest(
              "a value of "
                  + text.length()
                  + " characters needs more than "
                  + e.budget()
                  + " steps to match a pattern that only a backtracking engine runs",
              List.of())
          .withType(TOO_COSTLY);
    }
  }

  /** Whether {@code text} is matched by one scan rather than by a regular expression engine. */
  boolean scans() {
    return scan != null;
  }

  /** Whether the pattern runs with java.util.regex under a budget. */
  boolean backtracks() {
    return budgeted != null;
  }

  @Override
  public String toString() {
    return source;
  }
}
