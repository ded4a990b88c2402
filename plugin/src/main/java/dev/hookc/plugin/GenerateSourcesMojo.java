package dev.hookc.plugin;

import dev.hookc.compiler.diag.Diagnostic;
import dev.hookc.compiler.diag.Severity;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compiles the project's events and workflows into Java sources. Thin glue: it maps its parameters
 * into a {@link GenerationRequest}, lets {@link SourceGenerator} do the work, and turns the {@link
 * GenerationResult} into log lines and build failures.
 */
@Mojo(name = "generate-sources", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateSourcesMojo extends AbstractGenerationMojo {

  /** Skips generation entirely. */
  @Parameter(property = "hookc.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("hookc: skipped");
      return;
    }
    long start = System.nanoTime();
    CpuTime cpu = CpuTime.start();
    GenerationRequest request = generationRequest();
    // A clean build: the generator runs once in a cold JVM, where C2 only competes with it.
    CompletableFuture<String> jit =
        request.compile().outputDirectory().toFile().isDirectory()
            ? CompletableFuture.completedFuture("none (not a clean build)")
            : GeneratorJit.install();
    GenerationResult result = generate(request);
    getLog().debug("hookc: JIT directive: " + jit.getNow("still being added"));
    result.notes().forEach(note -> getLog().debug("hookc: " + note));
    result.warnings().forEach(warning -> getLog().warn("hookc: " + warning));
    for (Diagnostic diagnostic : result.diagnostics()) {
      if (diagnostic.severity() == Severity.ERROR) {
        getLog().error(diagnostic.format());
      } else {
        getLog().warn(diagnostic.format());
      }
    }
    if (result.outcome() == GenerationResult.Outcome.FAILED) {
      throw new MojoFailureException(
          "hookc found "
              + GenerationResult.plural(result.count(Severity.ERROR), "error")
              + " and "
              + GenerationResult.plural(result.count(Severity.WARNING), "warning")
              + " in the project's YAML; see the lines above");
    }
    project.addCompileSourceRoot(outputDirectory.getPath());
    // The OpenAPI document, which the application serves from its class path.
    Resource apiDocs = new Resource();
    apiDocs.setDirectory(stateFile.toPath().resolveSibling(ApiDocsOutput.RESOURCES).toString());
    project.addResource(apiDocs);
    getLog().info("hookc: " + result.summary((System.nanoTime() - start) / 1_000_000));
    // Debug only: it is the whole Maven process's figure, other modules' work included under -T.
    cpu.since().ifPresent(ms -> getLog().debug("hookc: Maven's JVM used " + ms + " ms CPU"));
  }

  private static GenerationResult generate(GenerationRequest request)
      throws MojoExecutionException {
    try {
      return new SourceGenerator().generate(request);
    } catch (IOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new MojoExecutionException(
          "hookc failed with an internal error; this is a bug in hookc, please report it with"
              + " the stack trace below",
          e);
    }
  }
}
