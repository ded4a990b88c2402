package dev.hookc.compiler.pojo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.SourceVersion;
import org.jsonschema2pojo.util.NameHelper;

/**
 * Gives each property of one payload class Java names no other property of the class has. A
 * property keeps the names jsonschema2pojo's rules give it unless they are taken ({@code foo} and
 * {@code Foo}, {@code foo_bar} and {@code fooBar}, {@code _} and {@code -}) or the rules cannot
 * name it at all (a name of letters outside ASCII only, such as {@code 名前}); such a property gets a
 * {@code javaName}, the keyword every name rule of jsonschema2pojo (and so of hookc's writer,
 * binder and expression types) reads first: its name with every character outside ASCII letters and
 * digits as {@code $} and four hex digits, and a {@code $2}, {@code $3}... while still taken.
 */
final class DistinctNames {
  private final NameHelper names;
  private final Set<String> fields = new HashSet<>(Set.of(PayloadClasses.EXTRA));
  private final Set<String> methods =
      new HashSet<>(Set.of("getAdditionalProperties", "setAdditionalProperty"));

  DistinctNames(NameHelper names) {
    this.names = names;
  }

  /** Takes names for the property {@code key} of schema {@code reduced}, renaming it if need be. */
  void take(String key, ObjectNode reduced) {
    if (!reduced.has("javaName") && free(key, reduced)) {
      return;
    }
    String base = spelled(key);
    ObjectNode named = reduced.deepCopy();
    for (int n = 1; n < 1000; n++) {
      String candidate = n == 1 ? base : base + "$" + n;
      named.put("javaName", candidate);
      if (!SourceVersion.isKeyword(candidate) && free(key, named)) {
        reduced.put("javaName", candidate);
        return;
      }
    }
    throw new IllegalStateException("no free Java name for property: " + key);
  }

  /** Whether the names of {@code key} are free; takes them if so. */
  private boolean free(String key, ObjectNode schema) {
    String field;
    String setter;
    try {
      field = names.getPropertyName(key, schema);
      setter = names.getSetterName(key, schema);
    } catch (RuntimeException e) {
      // jsonschema2pojo's rules find nothing to name the property after.
      return false;
    }
    String getter = "get" + setter.substring("set".length());
    if (field.isEmpty() || fields.contains(field) || methods.contains(setter)) {
      return false;
    }
    if (methods.contains(getter) || setter.equals(getter)) {
      return false;
    }
    fields.add(field);
    methods.add(setter);
    methods.add(getter);
    return true;
  }

  /** {@code key} in ASCII letters and digits, the rest as {@code $hhhh}, starting lower-case. */
  private static String spelled(String key) {
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        name.append(i == 0 ? Character.toLowerCase(c) : c);
      } else {
        name.append('$').append(String.format("%04x", (int) c));
      }
    }
    if (name.length() == 0) {
      return "$";
    }
    return Character.isDigit(name.charAt(0)) ? "_" + name : name.toString();
  }
}
