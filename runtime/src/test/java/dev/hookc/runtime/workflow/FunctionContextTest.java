package dev.hookc.runtime.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FunctionContextTest {

  @Test
  void convertsTheInputsOnlyWhenAFunctionAsksAndOnlyOnce() {
    AtomicInteger conversions = new AtomicInteger();
    JsonNode inputs = JsonNodeFactory.instance.objectNode().put("body", "x");
    FunctionContext context =
        new FunctionContext(
            FunctionContext.loggerFor("f"),
            JsonNodeFactory.instance.objectNode(),
            () -> {
              conversions.incrementAndGet();
              return inputs;
            });

    assertThat(conversions).hasValue(0);
    assertThat(context.inputs()).isSameAs(inputs);
    assertThat(context.inputs()).isSameAs(inputs);
    assertThat(conversions).hasValue(1);
  }

  @Test
  void namesEachFunctionsLoggerAfterItAndReusesIt() {
    System.Logger logger = FunctionContext.loggerFor("processData");

    assertThat(logger.getName()).isEqualTo("hookc.functions.processData");
    assertThat(FunctionContext.loggerFor("processData")).isSameAs(logger);
  }
}
