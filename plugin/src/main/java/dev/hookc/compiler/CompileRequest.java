package dev.hookc.compiler;

import dev.hookc.compiler.model.ProjectInfo;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to compile and where to put it.
 *
 * @param projectDirectory the project's base directory; diagnostics name files relative to it
 * @param eventsDirectory where the event YAML files are ({@code src/events})
 * @param functionsDirectory where the workflow YAML files are ({@code src/functions})
 * @param definitionsDirectory where shared JSON Schemas are ({@code src/definitions})
 * @param javaSourceDirectory where the user's own Java functions are ({@code src/main/java})
 * @param outputDirectory where generated Java is written
 * @param packageName the package of the generated code
 * @param project the project's name and version, the API documentation's title and version unless
 *     {@code http.yaml} gives its own
 * @param kafkaModule whether {@code dev.hookc:hookc-kafka} is among the project's dependencies: a
 *     project that uses Kafka without it gets HC2113 at the first use
 */
public record CompileRequest(
    Path projectDirectory,
    Path eventsDirectory,
    Path functionsDirectory,
    Path definitionsDirectory,
    Path javaSourceDirectory,
    Path outputDirectory,
    String packageName,
    ProjectInfo project,
    boolean kafkaModule) {

  /**
   * A request for a project whose dependencies are taken to include hookc-kafka (the application
   * still refuses to start without it).
   */
  public CompileRequest(
      Path projectDirectory,
      Path eventsDirectory,
      Path functionsDirectory,
      Path definitionsDirectory,
      Path javaSourceDirectory,
      Path outputDirectory,
      String packageName,
      ProjectInfo project) {
    this(
        projectDirectory,
        eventsDirectory,
        functionsDirectory,
        definitionsDirectory,
        javaSourceDirectory,
        outputDirectory,
        packageName,
        project,
        true);
  }

  /** A request for a project whose API documentation is titled after its package, version 0. */
  public CompileRequest(
      Path projectDirectory,
      Path eventsDirectory,
      Path functionsDirectory,
      Path definitionsDirectory,
      Path javaSourceDirectory,
      Path outputDirectory,
      String packageName) {
    this(
        projectDirectory,
        eventsDirectory,
        functionsDirectory,
        definitionsDirectory,
        javaSourceDirectory,
        outputDirectory,
        packageName,
        new ProjectInfo(packageName, "0.0.0"));
  }

  public CompileRequest {
    Objects.requireNonNull(projectDirectory, "projectDirectory");
    Objects.requireNonNull(eventsDirectory, "eventsDirectory");
    Objects.requireNonNull(functionsDirectory, "functionsDirectory");
    Objects.requireNonNull(definitionsDirectory, "definitionsDirectory");
    Objects.requireNonNull(javaSourceDirectory, "javaSourceDirectory");
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(project, "project");
  }
}
