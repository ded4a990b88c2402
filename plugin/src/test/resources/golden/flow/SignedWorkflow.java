package dev.hookc.test.flow.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.expr.Js;
import dev.hookc.runtime.internal.expr.JsMethods;
import dev.hookc.runtime.internal.workflow.Retry;
import dev.hookc.runtime.internal.workflow.TaskRunner;
import dev.hookc.runtime.workflow.FunctionContext;
import dev.hookc.runtime.workflow.Status;
import dev.hookc.test.flow.functions.Sign;
import dev.hookc.test.flow.functions.SignArgs;
import dev.hookc.test.flow.functions.SignFunction;
import javax.annotation.processing.Generated;

/**
 * Workflow {@code signed}: Signs the body as received in Java and passes the raw body and cookies
 * on to a workflow, from {@code src/functions/signed.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class SignedWorkflow {
  private final JsonNode config;

  private final EchoRawWorkflow echoRawWorkflow;

  private final SignFunction sign;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public SignedWorkflow(Wiring wiring) {
    this.config = wiring.config();
    this.echoRawWorkflow = new EchoRawWorkflow(wiring);
    this.sign = wiring.function(SignFunction.class, () -> new Sign());
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(SignedInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.signature = signature(inputs, outputs);
    if (last.returned()) {
      return last.asResult();
    }
    last = outputs.echoed = echoed(inputs, outputs);
    if (last.returned()) {
      return last.asResult();
    }
    last = outputs.answer = answer(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code signature}, calling {@code sign} ({@code src/functions/signed.yaml:3:5}).
   */
  private Status signature(SignedInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "signature (src/functions/signed.yaml:3:5)",
        Retry.NONE,
        () -> Status.of(sign.apply(new SignArgs("flow-secret"), context("sign", inputs))));
  }

  /**
   * Task {@code echoed}, calling {@code echo_raw} ({@code src/functions/signed.yaml:7:5}).
   */
  private Status echoed(SignedInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "echoed (src/functions/signed.yaml:7:5)",
        Retry.NONE,
        () -> echoRawWorkflow.run(EchoRawInputs.fromJson(Status.toJson(Js.object("raw_body",
            inputs.rawBody(), "cookies", inputs.cookies())))).asResult());
  }

  /**
   * Task {@code answer}, calling {@code com.gs.return} ({@code src/functions/signed.yaml:12:5}).
   */
  private Status answer(SignedInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "answer (src/functions/signed.yaml:12:5)",
        Retry.NONE,
        () -> Status.returning(Js.object("signature", outputs.signature().data(), "length",
            JsMethods.length(inputs.rawBody()), "session", Js.asString(Js.member(inputs.cookies(),
            "session")), "echoed", outputs.echoed().data())));
  }

  private FunctionContext context(String function, SignedInputs inputs) {
    return new FunctionContext(FunctionContext.loggerFor(function), config, inputs::toJson);
  }

  /**
   * The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.
   */
  static final class Outputs {
    private volatile Status signature;

    private volatile Status echoed;

    private volatile Status answer;

    /**
     * The result of task {@code signature}.
     */
    Status signature() {
      return signature;
    }

    /**
     * The result of task {@code echoed}.
     */
    Status echoed() {
      return echoed;
    }

    /**
     * The result of task {@code answer}.
     */
    Status answer() {
      return answer;
    }
  }
}
