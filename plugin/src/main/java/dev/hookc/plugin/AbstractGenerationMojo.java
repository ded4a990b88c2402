package dev.hookc.plugin;

import dev.hookc.compiler.CompileRequest;
import dev.hookc.compiler.model.ProjectInfo;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The parameters of the goals that generate sources, {@code generate-sources} and {@code run}: the
 * same names, properties and defaults, so that {@code run} regenerates exactly as the build does.
 */
abstract class AbstractGenerationMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** Where the event definitions ({@code http.post./path:} YAML files) are. */
  @Parameter(property = "hookc.eventsDirectory", defaultValue = "${project.basedir}/src/events")
  File eventsDirectory;

  /** Where the workflow definitions (YAML files with {@code tasks}) are. */
  @Parameter(
      property = "hookc.functionsDirectory",
      defaultValue = "${project.basedir}/src/functions")
  File functionsDirectory;

  /** Where shared JSON Schemas ({@code $ref: '#/definitions/<name>'}) are. */
  @Parameter(
      property = "hookc.definitionsDirectory",
      defaultValue = "${project.basedir}/src/definitions")
  File definitionsDirectory;

  /** Where generated Java sources are written; added to the project's compile source roots. */
  @Parameter(
      property = "hookc.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/hookc")
  File outputDirectory;

  /**
   * The package of the generated code. Defaults to the project's groupId followed by {@code
   * .hookc}, with characters that cannot appear in a package name replaced. Java functions are
   * expected in its {@code functions} subpackage.
   */
  @Parameter(property = "hookc.packageName")
  String packageName;

  /** Fails the build when any warning is reported, not only on errors. */
  @Parameter(property = "hookc.failOnWarning", defaultValue = "false")
  boolean failOnWarning;

  /**
   * Where the fingerprint of the last successful generation is kept, with the size, modification
   * time and content hash of each input file. When the project's YAML, definitions, configuration,
   * Java function files and this plugin's settings and version are all unchanged and the output
   * directory exists, generation is skipped; only files whose size or time changed are read again,
   * and their content decides (a {@code touch} alone does not regenerate). Next to it, {@code
   * outputs.manifest} records which input files each generated file depends on, so that a change
   * regenerates only the files it reaches, and {@code analysis.cache} what each event and workflow
   * file means beyond itself and the diagnostics it reported, so that a change to event and
   * workflow files reads only the files it reaches. Delete them, or run {@code clean}, to force a
   * full generation. {@code routes.json}, each route's delivery guarantees for CI to diff, is
   * written next to it too.
   */
  @Parameter(
      property = "hookc.stateFile",
      defaultValue = "${project.build.directory}/hookc/inputs.sha256")
  File stateFile;

  @Parameter(defaultValue = "${plugin.version}", readonly = true)
  String pluginVersion;

  /**
   * Whether the project declares {@code dev.hookc:hookc-kafka} (itself or through its parent),
   * without which an application that uses Kafka cannot start: the compiler reports it instead.
   */
  private boolean hasKafkaModule() {
    return project.getDependencies().stream()
        .anyMatch(
            d -> "dev.hookc".equals(d.getGroupId()) && "hookc-kafka".equals(d.getArtifactId()));
  }

  /** The generation these parameters ask for. */
  final GenerationRequest generationRequest() {
    CompileRequest compile =
        new CompileRequest(
            project.getBasedir().toPath(),
            eventsDirectory.toPath(),
            functionsDirectory.toPath(),
            definitionsDirectory.toPath(),
            new File(project.getBuild().getSourceDirectory()).toPath(),
            outputDirectory.toPath(),
            PackageNames.resolve(packageName, project.getGroupId()),
            new ProjectInfo(
                project.getName() != null ? project.getName() : project.getArtifactId(),
                project.getVersion()),
            hasKafkaModule());
    return new GenerationRequest(
        compile, stateFile.toPath(), failOnWarning, pluginVersion, PluginJar.identity());
  }
}
