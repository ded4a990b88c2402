package dev.hookc.runtime;

import java.nio.charset.StandardCharsets;

/**
 * Interned strings for the ASCII property names of request bodies, looked up by their bytes.
 *
 * <p>Generated validators and binders look properties up by string literals, which are interned: an
 * interned key compares by identity and has its hash computed already, as Jackson's names did. A
 * body's names are mostly the same from request to request, so a small table shared by all threads
 * finds them without allocating; a slot holds the last name that hashed to it, so names that
 * clients make up cannot make it grow.
 */
final class PropertyNames {

  private static final int SLOTS = 1024;

  // Racy by design: a String is immutable and safely published, so a reader sees either an older
  // name, a newer one, or null, and checks the bytes in every case.
  private static final String[] CACHE = new String[SLOTS];

  private PropertyNames() {}

  /** The name in {@code length} ASCII bytes of {@code in} from {@code from}, interned. */
  static String name(byte[] in, int from, int length) {
    int hash = 0;
    for (int i = from; i < from + length; i++) {
      hash = 31 * hash + in[i];
    }
    int slot = (hash ^ hash >>> 16) & (SLOTS - 1);
    String cached = CACHE[slot];
    if (cached != null && matches(cached, in, from, length)) {
      return cached;
    }
    String name = new String(in, from, length, StandardCharsets.ISO_8859_1).intern();
    CACHE[slot] = name;
    return name;
  }

  private static boolean matches(String name, byte[] in, int from, int length) {
    if (name.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (name.charAt(i) != in[from + i]) {
        return false;
      }
    }
    return true;
  }
}
