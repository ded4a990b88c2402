package dev.hookc.compiler;

import dev.hookc.compiler.analysis.Analysis;
import dev.hookc.compiler.analysis.Analyzer;
import dev.hookc.compiler.bind.Binder;
import dev.hookc.compiler.bind.BoundProject;
import dev.hookc.compiler.cache.FileFacts;
import dev.hookc.compiler.check.CheckCode;
import dev.hookc.compiler.check.FunctionTable;
import dev.hookc.compiler.delivery.DeliveryChecker;
import dev.hookc.compiler.delivery.DeliveryGuarantees;
import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.diag.Severity;
import dev.hookc.compiler.emit.ApiDocument;
import dev.hookc.compiler.emit.EmitUnit;
import dev.hookc.compiler.emit.GeneratedSource;
import dev.hookc.compiler.emit.ProjectEmitter;
import dev.hookc.compiler.kafka.ForwardChecker;
import dev.hookc.compiler.kafka.KafkaChecker;
import dev.hookc.compiler.load.ProjectLoader;
import dev.hookc.compiler.model.Project;
import dev.hookc.compiler.naming.Names;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The compiler's entry: loads the project, checks it, binds it and generates its Java. Pure: it
 * reads the request's directories and returns sources; writing them is the caller's job.
 */
public final class HookcCompiler {

  /**
   * Compiles the project described by {@code request}: load, then check (every diagnostic is
   * reported here), then, only when there was no error, bind and emit.
   */
  public CompileResult compile(CompileRequest request) {
    CompilePlan plan = plan(request);
    List<GeneratedSource> sources = new ArrayList<>(ProjectEmitter.emit(plan.units()));
    sources.sort(Comparator.comparing(GeneratedSource::path));
    return new CompileResult(plan.diagnostics(), sources);
  }

  /**
   * Loads, checks and binds the project described by {@code request}, and plans its sources without
   * emitting them: every diagnostic, and when there was no error, the units to emit, each with the
   * input files it depends on. Emitting every unit gives what {@link #compile} gives.
   */
  public CompilePlan plan(CompileRequest request) {
    return plan(request, file -> true);
  }

  /**
   * Plans like {@link #plan(CompileRequest)}, reading only the event and workflow files whose
   * project-relative path {@code load} accepts ({@code http.yaml}, the shared definitions, the
   * configuration and the Java functions' sources are always read). The plan holds the units and
   * facts of what was read; its units and diagnostics are those of a whole build only for files
   * whose every dependency was read, so the caller decides which of them to use.
   */
  public CompilePlan plan(CompileRequest request, Predicate<String> load) {
    Diagnostics diagnostics = new Diagnostics();
    Project project =
        new ProjectLoader(request.projectDirectory(), diagnostics)
            .load(
                request.eventsDirectory(),
                request.functionsDirectory(),
                request.definitionsDirectory(),
                request.projectDirectory().resolve("config"),
                Optional.of(
                    new ProjectLoader.JavaFunctionPackage(
                        FunctionTable.functionsDirectory(
                            request.javaSourceDirectory(), request.packageName()),
                        FunctionTable.functionsPackage(request.packageName()))),
                load);
    FunctionTable functions =
        new FunctionTable(
            project,
            request.projectDirectory(),
            request.javaSourceDirectory(),
            request.packageName());
    Names names = new Names(request.packageName());
    Analysis analysis = new Analyzer(names, diagnostics).analyze(project, functions);
    DeliveryGuarantees guarantees = new DeliveryChecker(diagnostics).check(project, functions);
    new ForwardChecker(diagnostics).check(project);
    new KafkaChecker(diagnostics).check(project, request.kafkaModule());
    if (diagnostics.hasErrors()) {
      // A Java function not written yet still gets its contract, for its class to implement; any
      // other error generates nothing, since binding may not make sense of the project.
      boolean onlyUnresolved =
          diagnostics.sorted().stream()
              .filter(d -> d.severity() == Severity.ERROR)
              .allMatch(d -> d.code() == CheckCode.TASK_FN_UNRESOLVED);
      List<EmitUnit> contracts =
          onlyUnresolved
              ? ProjectEmitter.contracts(
                  new Binder(names, request.project()).bind(project, analysis))
              : List.of();
      return new CompilePlan(diagnostics.sorted(), contracts);
    }
    BoundProject bound = new Binder(names, request.project()).bind(project, analysis);
    return new CompilePlan(
        diagnostics.sorted(),
        new ProjectEmitter().plan(bound),
        FileFacts.of(project, bound, guarantees),
        Optional.of(ApiDocument.of(bound)));
  }
}
