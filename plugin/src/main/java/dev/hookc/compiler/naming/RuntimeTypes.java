package dev.hookc.compiler.naming;

import com.palantir.javapoet.ClassName;

/**
 * Every hookc-runtime type that generated code names, in one place, grouped by the runtime's
 * package.
 *
 * <p>The generator refers to the runtime by name only (the runtime is not on the compiler's class
 * path at run time); keeping the names here lets one test load each of them from the runtime, so
 * that a type moved or renamed there fails the plugin's build instead of a user's.
 */
public final class RuntimeTypes {
  private static final String API = "dev.hookc.runtime";
  private static final String WORKFLOW = API + ".workflow";
  private static final String SECURITY = API + ".security";
  private static final String STORE = API + ".store";
  private static final String LOG = API + ".log";
  private static final String INTERNAL = API + ".internal";
  private static final String INTERNAL_VALIDATION = INTERNAL + ".validation";
  private static final String INTERNAL_WORKFLOW = INTERNAL + ".workflow";
  private static final String INTERNAL_EXPR = INTERNAL + ".expr";
  private static final String INTERNAL_APP = INTERNAL + ".app";
  private static final String DATASOURCE = API + ".datasource";
  private static final String INTERNAL_DATASOURCE = INTERNAL + ".datasource";

  // dev.hookc.runtime: the application, the server, requests, responses and problems.
  public static final ClassName APPLICATION = ClassName.get(API, "Application");
  public static final ClassName APPLICATION_SETTINGS_EXCEPTION =
      ClassName.get(API, "ApplicationSettingsException");
  public static final ClassName HOOKC_SERVER = ClassName.get(API, "HookcServer");
  public static final ClassName ROUTE = ClassName.get(API, "Route");
  public static final ClassName REQUEST_HANDLER = ClassName.get(API, "RequestHandler");
  public static final ClassName REQUEST = ClassName.get(API, "Request");
  public static final ClassName RESPONSE = ClassName.get(API, "Response");
  public static final ClassName JSON = ClassName.get(API, "Json");
  public static final ClassName HTTP_PROBLEM = ClassName.get(API, "HttpProblem");
  public static final ClassName VIOLATION = ClassName.get(API, "Violation");

  // dev.hookc.runtime.workflow: what users' functions take and return.
  public static final ClassName FUNCTION_CONTEXT = ClassName.get(WORKFLOW, "FunctionContext");
  public static final ClassName STATUS = ClassName.get(WORKFLOW, "Status");

  // dev.hookc.runtime.security: who may deliver.
  public static final ClassName AUTHENTICATORS = ClassName.get(SECURITY, "Authenticators");
  public static final ClassName EVENT_TYPES = ClassName.get(SECURITY, "EventTypes");
  public static final ClassName SECRETS = ClassName.get(SECURITY, "Secrets");
  public static final ClassName DELIVERY_IDENTITY = ClassName.get(SECURITY, "DeliveryIdentity");

  // dev.hookc.runtime.store: idempotency and the inbox.
  public static final ClassName JDBC_STORE = ClassName.get(STORE, "JdbcStore");
  public static final ClassName IDEMPOTENCY = ClassName.get(STORE, "Idempotency");
  public static final ClassName REQUEST_KEYS = ClassName.get(STORE, "RequestKeys");
  public static final ClassName INBOX = ClassName.get(STORE, "Inbox");
  public static final ClassName INBOX_ADMIN = ClassName.get(STORE, "InboxAdmin");
  public static final ClassName RETRY_POLICY = ClassName.get(STORE, "RetryPolicy");

  // dev.hookc.runtime.log: the console log the generated main installs.
  public static final ClassName CONSOLE_LOG = ClassName.get(LOG, "ConsoleLog");

  // dev.hookc.runtime.internal: what generated code is given, and request contracts.
  public static final ClassName WIRING = ClassName.get(INTERNAL, "Wiring");
  public static final ClassName PARAMETERS = ClassName.get(INTERNAL, "Parameters");
  public static final ClassName CONVERSION = ClassName.get(INTERNAL, "Conversion");
  public static final ClassName REQUEST_BODIES = ClassName.get(INTERNAL, "RequestBodies");
  public static final ClassName BODY_FORMAT = ClassName.get(INTERNAL, "BodyFormat");
  public static final ClassName RESPONSE_CONTRACT = ClassName.get(INTERNAL, "ResponseContract");
  public static final ClassName TREE_BINDING = ClassName.get(INTERNAL, "TreeBinding");

  // dev.hookc.runtime.internal.validation: JSON Schema assertions.
  public static final ClassName FORMATS = ClassName.get(INTERNAL_VALIDATION, "Formats");
  public static final ClassName JSON_POINTERS = ClassName.get(INTERNAL_VALIDATION, "JsonPointers");
  public static final ClassName JSON_VALUES = ClassName.get(INTERNAL_VALIDATION, "JsonValues");
  public static final ClassName TEXT_PATTERN = ClassName.get(INTERNAL_VALIDATION, "TextPattern");
  public static final ClassName VIOLATION_COLLECTOR =
      ClassName.get(INTERNAL_VALIDATION, "ViolationCollector");

  // dev.hookc.runtime.internal.workflow: running tasks.
  public static final ClassName PROJECT_CONFIG = ClassName.get(INTERNAL_WORKFLOW, "ProjectConfig");
  public static final ClassName REQUEST_INPUTS = ClassName.get(INTERNAL_WORKFLOW, "RequestInputs");
  public static final ClassName REQUEST_PARTS = ClassName.get(INTERNAL_WORKFLOW, "RequestParts");
  public static final ClassName VALIDATION_ERROR_HOOKS =
      ClassName.get(INTERNAL_WORKFLOW, "ValidationErrorHooks");
  public static final ClassName TASK_RUNNER = ClassName.get(INTERNAL_WORKFLOW, "TaskRunner");
  public static final ClassName TASK_BODY = ClassName.get(INTERNAL_WORKFLOW, "TaskBody");
  public static final ClassName TASK_LOG = ClassName.get(INTERNAL_WORKFLOW, "TaskLog");
  public static final ClassName RETRY = ClassName.get(INTERNAL_WORKFLOW, "Retry");
  public static final ClassName BRANCHES = ClassName.get(INTERNAL_WORKFLOW, "Branches");
  public static final ClassName LOOPS = ClassName.get(INTERNAL_WORKFLOW, "Loops");

  // dev.hookc.runtime.internal.app: how HookcApplication describes its project to the runtime.
  public static final ClassName ASSEMBLY = ClassName.get(INTERNAL_APP, "Assembly");
  public static final ClassName STARTUP = ClassName.get(INTERNAL_APP, "Startup");

  // dev.hookc.runtime.datasource: the datasources users' functions are given.
  public static final ClassName JDBC_DATASOURCE = ClassName.get(DATASOURCE, "JdbcDatasource");
  public static final ClassName HTTP_DATASOURCE = ClassName.get(DATASOURCE, "HttpDatasource");
  public static final ClassName TRANSACTION_WORK = ClassName.get(DATASOURCE, "TransactionWork");

  // dev.hookc.runtime.internal.datasource: datasource definitions and tasks.
  public static final ClassName JDBC_DEFINITION =
      ClassName.get(INTERNAL_DATASOURCE, "JdbcDefinition");
  public static final ClassName HTTP_DEFINITION =
      ClassName.get(INTERNAL_DATASOURCE, "HttpDefinition");
  public static final ClassName HTTP_AUTHN = HTTP_DEFINITION.nestedClass("Authn");
  public static final ClassName HTTP_RETRY = HTTP_DEFINITION.nestedClass("Retry");
  public static final ClassName SETTING = ClassName.get(INTERNAL_DATASOURCE, "Setting");
  public static final String KAFKA = "dev.hookc.runtime.kafka";
  public static final ClassName KAFKA_SOURCE_DEFINITION =
      ClassName.get(KAFKA, "KafkaSourceDefinition");
  public static final ClassName KAFKA_HANDOFF = ClassName.get(KAFKA, "KafkaHandoff");
  public static final ClassName SUBSCRIPTION =
      ClassName.get("dev.hookc.runtime.source", "Subscription");
  public static final ClassName INBOX_FORWARD = ClassName.get(KAFKA, "InboxForward");
  public static final ClassName KAFKA_PUBLISHER = ClassName.get(KAFKA, "KafkaPublisher");
  public static final ClassName KAFKA_TASKS = ClassName.get(KAFKA, "KafkaTasks");
  public static final ClassName MIGRATION_SCRIPT =
      ClassName.get(INTERNAL_DATASOURCE, "MigrationScript");
  public static final ClassName JDBC_TASKS = ClassName.get(INTERNAL_DATASOURCE, "JdbcTasks");
  public static final ClassName HTTP_TASKS = ClassName.get(INTERNAL_DATASOURCE, "HttpTasks");
  public static final ClassName TASK_ARGS = ClassName.get(INTERNAL_DATASOURCE, "TaskArgs");

  // dev.hookc.runtime.internal.expr: JavaScript semantics of <% %> expressions.
  public static final ClassName JS = ClassName.get(INTERNAL_EXPR, "Js");
  public static final ClassName JS_METHODS = ClassName.get(INTERNAL_EXPR, "JsMethods");

  private RuntimeTypes() {}
}
