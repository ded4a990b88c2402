package dev.hookc.compiler.analysis;

import dev.hookc.compiler.check.FunctionTable;
import dev.hookc.compiler.datasource.StatementShape;
import dev.hookc.compiler.expr.ExprType;
import dev.hookc.compiler.model.Event;
import dev.hookc.compiler.model.Workflow;
import dev.hookc.compiler.schema.SchemaDefinitions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What checking a project found out besides its mistakes: what functions resolve to, which
 * workflows answer validation errors, every event's schemas and the shared definitions read, and
 * every workflow's expressions compiled and typed.
 *
 * @param functions what each {@code fn} resolves to
 * @param hooks the workflows that answer validation errors, and which events they answer for
 * @param schemas each event's schemas, in event order
 * @param workflowBodies the type of each workflow's {@code inputs.body}, by workflow id
 * @param workflows every workflow compiled, inline hooks included, in the order they are emitted
 * @param passed what the tasks calling each workflow pass beyond a request's parts, by the id of
 *     every workflow that a task calls
 * @param definitions the shared definitions, read together, with what they share
 * @param config the project's configuration as JSON text
 * @param statements what the build-time check found of each jdbc datasource's statements, by
 *     datasource and statement name (a statement it refused is absent)
 * @param definitionJson each shared definition as JSON text, by name, for the API documentation
 */
public record Analysis(
    FunctionTable functions,
    ValidationHooks hooks,
    Map<Event, EventSchemas> schemas,
    Map<String, ExprType> workflowBodies,
    Map<Workflow, CompiledWorkflow> workflows,
    Map<String, PassedInputs> passed,
    SchemaDefinitions definitions,
    ConfigJson config,
    Map<String, Map<String, StatementShape>> statements,
    Map<String, String> definitionJson) {

  public Analysis {
    schemas = Collections.unmodifiableMap(new LinkedHashMap<>(schemas));
    workflowBodies = Collections.unmodifiableMap(new LinkedHashMap<>(workflowBodies));
    workflows = Collections.unmodifiableMap(new LinkedHashMap<>(workflows));
    passed = Collections.unmodifiableMap(new LinkedHashMap<>(passed));
    statements = Collections.unmodifiableMap(new LinkedHashMap<>(statements));
    definitionJson = Collections.unmodifiableMap(new java.util.TreeMap<>(definitionJson));
  }
}
