package dev.hookc.runtime.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The header fields of one request in the order received, names in lower case, matched
 * case-insensitively. Filled by the parser, then read-only.
 */
public final class RequestHeaders {

  private String[] names = new String[8];
  private String[] values = new String[8];
  private int size;

  RequestHeaders() {}

  void add(String lowerCaseName, String value) {
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    names[size] = lowerCaseName;
    values[size] = value;
    size++;
  }

  /** How many field lines were received. */
  public int size() {
    return size;
  }

  /** The first value of {@code name}, or null. */
  public String first(String name) {
    for (int i = 0; i < size; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        return values[i];
      }
    }
    return null;
  }

  /** Every value of {@code name} in order; empty when there is none. */
  public List<String> all(String name) {
    List<String> found = null;
    for (int i = 0; i < size; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        if (found == null) {
          found = new ArrayList<>(2);
        }
        found.add(values[i]);
      }
    }
    return found == null ? List.of() : List.copyOf(found);
  }

  /**
   * Calls {@code action} once per distinct name, in order of first appearance, with the lower-case
   * name and all its values.
   */
  public void forEach(BiConsumer<String, List<String>> action) {
    for (int i = 0; i < size; i++) {
      if (seenBefore(i)) {
        continue;
      }
      String name = names[i];
      List<String> all = null;
      for (int j = i + 1; j < size; j++) {
        if (names[j].equals(name)) {
          if (all == null) {
            all = new ArrayList<>(2);
            all.add(values[i]);
          }
          all.add(values[j]);
        }
      }
      action.accept(name, all == null ? List.of(values[i]) : List.copyOf(all));
    }
  }

  String name(int i) {
    return names[i];
  }

  String value(int i) {
    return values[i];
  }

  private boolean seenBefore(int i) {
    for (int j = 0; j < i; j++) {
      if (names[j].equals(names[i])) {
        return true;
      }
    }
    return false;
  }
}
