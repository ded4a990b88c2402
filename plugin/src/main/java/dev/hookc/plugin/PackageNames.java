package dev.hookc.plugin;

import java.util.Locale;
import javax.lang.model.SourceVersion;

/** Works out the package of generated code. */
final class PackageNames {
  private PackageNames() {}

  /** The configured package, else the groupId made into a valid package plus {@code .hookc}. */
  static String resolve(String configured, String groupId) {
    if (configured != null && !configured.isBlank()) {
      return configured.trim();
    }
    StringBuilder name = new StringBuilder();
    for (String part : groupId.toLowerCase(Locale.ROOT).split("[.]", -1)) {
      String cleaned = part.replaceAll("[^a-z0-9_]", "_");
      if (cleaned.isEmpty()) {
        continue;
      }
      if (!Character.isJavaIdentifierStart(cleaned.charAt(0)) || SourceVersion.isKeyword(cleaned)) {
        cleaned = "_" + cleaned;
      }
      name.append(name.isEmpty() ? "" : ".").append(cleaned);
    }
    return (name.isEmpty() ? "" : name + ".") + "hookc";
  }
}
