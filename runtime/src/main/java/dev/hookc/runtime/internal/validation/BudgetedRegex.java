package dev.hookc.runtime.internal.validation;

import java.util.regex.Pattern;

/**
 * A java.util.regex pattern run under a budget of steps, for the few patterns a linear-time engine
 * cannot run (backreferences, lookaround, possessive quantifiers, counts over 1000).
 *
 * <p>A backtracking engine can take exponential time on a short text, so each match may read the
 * text at most {@link #BASE_STEPS} + {@link #STEPS_PER_CHAR} × its length times; past that, or when
 * the engine's recursion overflows the stack, the match is abandoned with {@link OutOfSteps}. Every
 * step of java.util.regex reads a character through {@link CharSequence#charAt}, so counting those
 * reads bounds the work.
 */
final class BudgetedRegex {
  /** Steps every match may take, whatever the length, for patterns with some fixed cost. */
  static final long BASE_STEPS = 1_000;

  /** Steps allowed per character of text: well above what a sane pattern takes. */
  static final long STEPS_PER_CHAR = 32;

  private final Pattern regex;
  private final boolean anchored;

  BudgetedRegex(String javaRegex) {
    this.regex = Pattern.compile(javaRegex);
    // Without alternation or a multiline flag, a leading ^ can only match at the start, so the
    // other start positions that find() would try are skipped.
    this.anchored = javaRegex.startsWith("^") && javaRegex.indexOf('|') < 0;
  }

  /** Whether the pattern is found in {@code text}; throws {@link OutOfSteps} past the budget. */
  boolean find(String text) {
    long budget = BASE_STEPS + STEPS_PER_CHAR * text.length();
    CountedText counted = new CountedText(text, budget);
    try {
      return anchored ? regex.matcher(counted).lookingAt() : regex.matcher(counted).find();
    } catch (StackOverflowError e) {
      throw new OutOfSteps(budget);
    }
  }

  /** A match abandoned because it took more steps than its budget. */
  static final class OutOfSteps extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long budget;

    OutOfSteps(long budget) {
      super("pattern match took more than " + budget + " steps", null, false, false);
      this.budget = budget;
    }

    long budget() {
      return budget;
    }
  }

  /** The text, counting the reads the engine makes of it. */
  private static final class CountedText implements CharSequence {
    private final String text;
    private final long budget;
    private long left;

    CountedText(String text, long budget) {
      this.text = text;
      this.budget = budget;
      this.left = budget;
    }

    @Override
    public char charAt(int index) {
      if (--left < 0) {
        throw new OutOfSteps(budget);
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
