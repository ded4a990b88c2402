package dev.hookc.compiler.diag;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the closest known name to a misspelt one, for "did you mean" hints. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The known name closest to {@code typed} by edit distance, if it is close enough to be a likely
   * typo (at most a third of the name's length, and at least one edit allowed).
   */
  public static Optional<String> closest(String typed, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(typed.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance || (distance == bestDistance && candidate.compareTo(best) < 0)) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int allowed = Math.max(1, Math.max(typed.length(), 3) / 3);
    return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** The hint text for {@link #closest}, e.g. {@code did you mean 'summary'?}. */
  public static Optional<String> didYouMean(String typed, Collection<String> known) {
    return closest(typed, known).map(name -> "did you mean '" + name + "'?");
  }

  /**
   * The hint for an unknown key: the closest known key when it is a likely typo, otherwise every
   * known key, so that the message alone tells what may be written there.
   */
  public static String keyHint(String typed, Collection<String> known) {
    return didYouMean(typed, known)
        .orElseGet(() -> "known keys: " + String.join(", ", new java.util.TreeSet<>(known)));
  }

  /** Damerau-Levenshtein distance (optimal string alignment), so swapped letters count once. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
