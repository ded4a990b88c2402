package dev.hookc.compiler.emit;

import com.palantir.javapoet.CodeBlock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How wide code will be once rendered on one line, so that an emitter can choose between one line
 * and one argument per line, as google-java-format does. JavaPoet's own wrapping ({@code $W}) only
 * fills lines, which suits an expression but not the arguments of a call that reads as a list.
 */
final class Widths {
  // A package qualifier, which the rendered file imports away.
  private static final Pattern QUALIFIER = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+(?=[A-Z])");
  private static final Pattern BREAK = Pattern.compile("\\s*\\n\\s*");

  private Widths() {}

  /** Whether {@code code}, written on one line from column {@code indent}, fits the limit. */
  static boolean fits(int indent, CodeBlock code) {
    // The newline flushes JavaPoet's line wrapper, which otherwise keeps what follows a $W.
    String flat = BREAK.matcher(CodeBlock.of("$L\n", code).toString().strip()).replaceAll(" ");
    return indent + QUALIFIER.matcher(flat).replaceAll("").length() <= LineFitter.COLUMNS;
  }

  /**
   * {@code open + arguments + ")"}: on one line when the statement {@code prefix} of that code fits
   * from column {@code indent}, else one argument per continuation line. For a statement.
   */
  static CodeBlock call(int indent, String prefix, CodeBlock open, List<CodeBlock> arguments) {
    CodeBlock oneLine = CodeBlock.of("$L$L)", open, CodeBlock.join(arguments, ", "));
    if (fits(indent, CodeBlock.of("$L$L;", prefix, oneLine))) {
      return oneLine;
    }
    return CodeBlock.of("$L\n$L)", open, CodeBlock.join(arguments, ",\n"));
  }
}
