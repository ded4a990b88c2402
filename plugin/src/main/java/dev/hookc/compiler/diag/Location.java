package dev.hookc.compiler.diag;

import java.util.Objects;

/**
 * A place in a source file: a project-relative path with {@code /} separators and a 1-based line
 * and column.
 */
public record Location(String file, int line, int column) implements Comparable<Location> {

  public Location {
    Objects.requireNonNull(file, "file");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("not a 1-based position: " + line + ":" + column);
    }
  }

  /** The location of the start of a file, for problems that concern the file as a whole. */
  public static Location startOf(String file) {
    return new Location(file, 1, 1);
  }

  /** This location moved right by {@code columns} on the same line. */
  public Location plusColumns(int columns) {
    return new Location(file, line, column + columns);
  }

  @Override
  public int compareTo(Location other) {
    int byFile = file.compareTo(other.file);
    if (byFile != 0) {
      return byFile;
    }
    int byLine = Integer.compare(line, other.line);
    return byLine != 0 ? byLine : Integer.compare(column, other.column);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
