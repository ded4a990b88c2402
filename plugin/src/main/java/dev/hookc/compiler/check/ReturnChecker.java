package dev.hookc.compiler.check;

import dev.hookc.compiler.diag.Diagnostics;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.Project;
import dev.hookc.compiler.model.Task;
import dev.hookc.compiler.model.Workflow;
import dev.hookc.compiler.yaml.YamlJson;
import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks the returns of each event's workflow against the event's {@code responses}: a literal
 * status code that is not declared (a warning: the client may not expect it), and a literal body
 * that contradicts the declared schema of its status (an error: it could never be right).
 */
public final class ReturnChecker {
  private final Diagnostics diagnostics;
  private final FunctionTable functions;

  public ReturnChecker(Diagnostics diagnostics, FunctionTable functions) {
    this.diagnostics = diagnostics;
    this.functions = functions;
  }

  /** Checks every event that declares responses and is handled by a YAML workflow. */
  public void check(Project project) {
    LiteralChecker literals = new LiteralChecker(project.definitions());
    for (Event event : project.events()) {
      if (event.responses().isEmpty()) {
        continue;
      }
      Optional<Workflow> workflow =
          event
              .fn()
              .flatMap(fn -> functions.resolve(fn.name()))
              .filter(ResolvedFunction.WorkflowFunction.class::isInstance)
              .map(f -> ((ResolvedFunction.WorkflowFunction) f).workflow());
      if (workflow.isEmpty()) {
        continue;
      }
      List<Task> returns = new ArrayList<>();
      collectReturns(workflow.get().outerTasks(), returns);
      for (Task task : returns) {
        checkReturn(event, task, literals);
      }
    }
  }

  private void checkReturn(Event event, Task task, LiteralChecker literals) {
    if (!(task.args().orElse(null) instanceof YamlMapping args)) {
      return;
    }
    boolean guideForm = args.get("statusCode").isPresent() || args.get("body").isPresent();
    Optional<YamlNode> codeNode = args.get(guideForm ? "statusCode" : "code");
    Optional<YamlNode> body = args.get(guideForm ? "body" : "data");
    String code;
    if (codeNode.isEmpty()) {
      code = "200";
    } else if (LiteralChecker.isInteger(codeNode.get())) {
      code = ((YamlScalar) codeNode.get()).value();
    } else {
      return;
    }
    Event.Response response = event.responses().get(code);
    if (response == null) {
      if (!event.responses().containsKey("default")) {
        diagnostics.report(
            FlowCode.RETURN_CODE_UNDECLARED,
            codeNode.map(YamlNode::location).orElse(task.location()),
            "task '"
                + task.id()
                + "' returns status "
                + code
                + ", which "
                + event.method()
                + " "
                + event.path()
                + " does not declare in its 'responses'",
            "declared: " + String.join(", ", new java.util.TreeSet<>(event.responses().keySet())));
      }
      return;
    }
    if (body.isEmpty() || response.schema().isEmpty() || !LiteralChecker.isLiteral(body.get())) {
      return;
    }
    for (LiteralChecker.Mismatch mismatch :
        literals.check(body.get(), YamlJson.toJson(response.schema().get()))) {
      diagnostics.report(
          FlowCode.RETURN_BODY_MISMATCH,
          mismatch.location(),
          mismatch.message()
              + " (response "
              + code
              + " of "
              + event.method()
              + " "
              + event.path()
              + ")");
    }
  }

  /** The returns that end the workflow itself: not those of workflows it calls. */
  private static void collectReturns(List<Task> tasks, List<Task> returns) {
    for (Task task : tasks) {
      if (FlowChecker.isReturn(task)) {
        returns.add(task);
      }
      collectReturns(task.nested(), returns);
    }
  }
}
