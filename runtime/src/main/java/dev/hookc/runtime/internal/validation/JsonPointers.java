package dev.hookc.runtime.internal.validation;

/** Builds RFC 6901 JSON Pointers one reference token at a time. */
public final class JsonPointers {
  private JsonPointers() {}

  /** The pointer to member {@code name} of the object at {@code parent}. */
  public static String child(String parent, String name) {
    if (name.indexOf('~') < 0 && name.indexOf('/') < 0) {
      return parent + '/' + name;
    }
    return parent + '/' + name.replace("~", "~0").replace("/", "~1");
  }

  /** The pointer to item {@code index} of the array at {@code parent}. */
  public static String index(String parent, int index) {
    return parent + '/' + index;
  }
}
