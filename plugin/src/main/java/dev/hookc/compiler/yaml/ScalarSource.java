package dev.hookc.compiler.yaml;

import dev.hookc.compiler.diag.Location;

/**
 * Traces the characters of a scalar's value back to the file text it came from.
 *
 * <p>The value differs from the source by quotes, indentation and line folding, so characters are
 * aligned greedily: each value character is matched to the next equal source character. This is
 * exact for plain and quoted scalars without escapes, and for block scalars, which covers every
 * expression a user writes in practice.
 */
final class ScalarSource {
  private final String text;
  private final String file;
  private final int start;
  private final int end;
  private final String value;
  private int[] offsets;

  ScalarSource(String text, String file, int start, int end, String value) {
    this.text = text;
    this.file = file;
    this.start = start;
    this.end = Math.min(end, text.length());
    this.value = value;
  }

  Location locate(int offset) {
    int[] map = offsets();
    int clamped = Math.max(0, Math.min(offset, value.length()));
    int index = clamped < map.length ? map[clamped] : -1;
    if (index < 0) {
      index = fallbackIndex(map, clamped);
    }
    return positionOf(index);
  }

  private int fallbackIndex(int[] map, int offset) {
    for (int i = Math.min(offset, map.length - 1); i >= 0; i--) {
      if (map[i] >= 0) {
        return map[i] + (offset - i);
      }
    }
    return start;
  }

  private int[] offsets() {
    if (offsets == null) {
      int[] map = new int[value.length() + 1];
      int p = start;
      for (int i = 0; i < value.length(); i++) {
        int found = -1;
        for (int q = p; q < end; q++) {
          if (text.charAt(q) == value.charAt(i)) {
            found = q;
            break;
          }
        }
        map[i] = found;
        if (found >= 0) {
          p = found + 1;
        }
      }
      map[value.length()] = p;
      offsets = map;
    }
    return offsets;
  }

  private Location positionOf(int index) {
    int line = 1;
    int lineStart = 0;
    int bounded = Math.min(index, text.length());
    for (int i = 0; i < bounded; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Location(file, line, bounded - lineStart + 1);
  }
}
