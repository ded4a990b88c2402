package dev.hookc.compiler.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record declared among a project's Java functions, which a function may return as its data.
 *
 * @param name its qualified name; a nested record's is {@code pkg.Outer.Inner}
 * @param file the file declaring it, as diagnostics name it
 * @param components its components by name, in declaration order: the JSON object Jackson turns it
 *     into has exactly these keys
 * @param plainJson whether Jackson writes it as its components alone: false when the record or a
 *     component carries a Jackson annotation ({@code @JsonProperty}, {@code @JsonIgnore}, ...),
 *     which may rename, hide or add keys
 */
public record JavaRecord(
    String name, String file, Map<String, JavaType> components, boolean plainJson) {

  public JavaRecord {
    components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
  }

  /** The name after the last dot. */
  public String simpleName() {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
