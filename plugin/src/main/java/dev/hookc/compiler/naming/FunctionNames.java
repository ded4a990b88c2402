package dev.hookc.compiler.naming;

import java.util.Locale;

/** Turns function and task names into Java names, the same way everywhere. */
public final class FunctionNames {
  private FunctionNames() {}

  /**
   * {@code validateCallbackData} or {@code validate_callback_data} → {@code ValidateCallbackData}.
   */
  public static String upperCamel(String name) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        upper = true;
        continue;
      }
      if (out.isEmpty() && Character.isDigit(c)) {
        out.append('_');
      }
      out.append(upper ? Character.toUpperCase(c) : c);
      upper = false;
    }
    return out.isEmpty() ? "Unnamed" : out.toString();
  }

  /** {@code validate_callback} → {@code validateCallback}. */
  public static String lowerCamel(String name) {
    String upper = upperCamel(name);
    String lower = upper.substring(0, 1).toLowerCase(Locale.ROOT) + upper.substring(1);
    return javax.lang.model.SourceVersion.isKeyword(lower) ? lower + "_" : lower;
  }
}
