package dev.hookc.compiler.model;

import java.util.Objects;

/**
 * The project's name and version as its build says ({@code <name>}, else the artifactId, and {@code
 * <version>} of the pom): the API documentation's title and version unless {@code http.yaml} gives
 * its own.
 */
public record ProjectInfo(String name, String version) {
  public ProjectInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
  }
}
