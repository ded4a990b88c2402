package dev.hookc.runtime.internal.workflow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A task's workflow and id, read once from the label generated code gives the {@link TaskRunner}:
 * {@code respond (src/functions/payments/record.yaml:4:5)} is the task {@code respond} of the
 * workflow {@code payments.record}, whose name is its file's path below the functions directory.
 *
 * @param workflow the workflow's name, {@code payments.record}
 * @param task the task's id
 * @param qualified {@code workflow.task}
 */
record TaskName(String workflow, String task, String qualified) {
  private static final String FUNCTIONS = "functions/";
  // Labels are constants of generated code, so few: each is read once.
  private static final Map<String, TaskName> READ = new ConcurrentHashMap<>();

  /** The name in {@code label}. */
  static TaskName of(String label) {
    TaskName name = READ.get(label);
    return name != null ? name : READ.computeIfAbsent(label, TaskName::read);
  }

  private static TaskName read(String label) {
    int open = label.indexOf(" (");
    if (open < 0 || !label.endsWith(")")) {
      return new TaskName("", label, label);
    }
    String task = label.substring(0, open);
    String location = label.substring(open + 2, label.length() - 1);
    // src/functions/payments/record.yaml:4:5 -> payments.record
    String file = location;
    for (int i = 0; i < 2; i++) {
      int colon = file.lastIndexOf(':');
      if (colon > 0) {
        file = file.substring(0, colon);
      }
    }
    int dot = file.lastIndexOf('.');
    if (dot > file.lastIndexOf('/')) {
      file = file.substring(0, dot);
    }
    int functions = file.indexOf(FUNCTIONS);
    if (functions >= 0 && (functions == 0 || file.charAt(functions - 1) == '/')) {
      file = file.substring(functions + FUNCTIONS.length());
    }
    String workflow = file.replace('/', '.');
    return new TaskName(workflow, task, workflow + "." + task);
  }
}
