package dev.hookc.compiler.flow;

import dev.hookc.compiler.CompileResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs a project through the whole pipeline the plugin runs — hookc's load, checks, payload
 * classes, binders, validators and controllers, then javac on everything generated — and says how
 * it ended. The only acceptable endings are code that compiles and located diagnostics.
 */
final class PipelineProbe {
  private PipelineProbe() {}

  /** How a run ended. */
  enum Ending {
    /** hookc generated code, and javac compiled it without a warning. */
    COMPILED,
    /** hookc refused the project with located errors. */
    REFUSED,
    /** hookc threw: the user would see "hookc failed with an internal error". */
    CRASHED,
    /** hookc generated code that javac does not compile cleanly. */
    UNCOMPILABLE
  }

  /**
   * A run's ending, hookc's result (absent when it crashed), the compiled classes (when compiled)
   * and what went wrong if anything.
   */
  record Outcome(
      Ending ending, Optional<CompileResult> result, Optional<ClassLoader> classes, String detail) {
    boolean acceptable() {
      return ending == Ending.COMPILED || ending == Ending.REFUSED;
    }
  }

  /** Compiles {@code project} with hookc and, when hookc generates code, with javac. */
  static Outcome run(Path project, String packageName, boolean javac) {
    CompileResult result;
    try {
      result = ProjectBuild.compileYaml(project, packageName);
    } catch (RuntimeException | StackOverflowError | AssertionError e) {
      return new Outcome(Ending.CRASHED, Optional.empty(), Optional.empty(), trace(e));
    }
    if (result.hasErrors()) {
      return new Outcome(Ending.REFUSED, Optional.of(result), Optional.empty(), "");
    }
    if (!javac) {
      return new Outcome(Ending.COMPILED, Optional.of(result), Optional.empty(), "");
    }
    try {
      ClassLoader classes = ProjectBuild.javacGenerated(result.sources());
      return new Outcome(Ending.COMPILED, Optional.of(result), Optional.of(classes), "");
    } catch (AssertionError e) {
      return new Outcome(
          Ending.UNCOMPILABLE, Optional.of(result), Optional.empty(), e.getMessage());
    }
  }

  private static String trace(Throwable e) {
    StringWriter text = new StringWriter();
    e.printStackTrace(new PrintWriter(text));
    String all = text.toString();
    return all.length() > 3000 ? all.substring(0, 3000) + "..." : all;
  }
}
