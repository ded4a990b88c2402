package dev.hookc.compiler.pojo;

import java.util.regex.Pattern;

/**
 * Spaces jsonschema2pojo's one-expression {@code equals}, {@code hashCode} and {@code toString}
 * lines as google-java-format would, so that the column-fitting pass every generated source goes
 * through can break them: its code model writes {@code )&&((this.a!= null)} with no space to break
 * at. Only whitespace changes, and only on those lines (the header of {@code toString} only when it
 * is over the limit).
 */
final class PayloadLayout {
  private static final int COLUMNS = 100;
  private static final Pattern LOGICAL = Pattern.compile(" *(&&|\\|\\|) *");
  private static final Pattern NOT_EQUAL = Pattern.compile("(\\S)!= ");
  private static final Pattern PLUS = Pattern.compile("\\)\\+\\(");
  private static final Pattern TIMES = Pattern.compile("(\\w)\\* ");
  private static final Pattern CONDITIONAL = Pattern.compile("\\)\\? (\\S+) :(\\S)");

  private PayloadLayout() {}

  /** {@code source} with those expressions spaced, the rest as it was. */
  static String spaced(String source) {
    String[] lines = source.split("\n", -1);
    StringBuilder out = new StringBuilder(source.length() + 256);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append('\n');
      }
      out.append(spacedLine(lines[i]));
    }
    return out.toString();
  }

  private static String spacedLine(String line) {
    String trimmed = line.stripLeading();
    String indent = line.substring(0, line.length() - trimmed.length());
    if (line.length() > COLUMNS
        && trimmed.startsWith("sb.append(")
        && trimmed.contains(".class.getName())")) {
      // toString's header: one call a line, as a chain is laid out.
      return line.replace(").append(", ")\n" + indent + "    .append(");
    }
    if (trimmed.startsWith("return ((")
        || trimmed.startsWith("((result* 31)")
        || trimmed.startsWith("result = ((result* 31)")) {
      String spaced = LOGICAL.matcher(line).replaceAll(" $1 ");
      spaced = NOT_EQUAL.matcher(spaced).replaceAll("$1 != ");
      spaced = PLUS.matcher(spaced).replaceAll(") + (");
      spaced = TIMES.matcher(spaced).replaceAll("$1 * ");
      return CONDITIONAL.matcher(spaced).replaceAll(") ? $1 : $2");
    }
    return line;
  }
}
