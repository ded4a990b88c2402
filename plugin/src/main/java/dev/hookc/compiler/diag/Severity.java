package dev.hookc.compiler.diag;

import java.util.Locale;

/** How serious a diagnostic is: errors fail the build, warnings only when asked to. */
public enum Severity {
  ERROR,
  WARNING;

  /** The lower-case word printed in front of the code, as compilers do. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
