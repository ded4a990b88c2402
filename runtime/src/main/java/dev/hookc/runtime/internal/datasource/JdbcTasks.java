package dev.hookc.runtime.internal.datasource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.runtime.datasource.JdbcDatasource;
import dev.hookc.runtime.workflow.Status;
import java.util.List;
import java.util.Map;

/**
 * What a generated workflow's {@code fn: datasource.<name>.<statement>} task runs. A failure is
 * thrown as the {@link dev.hookc.runtime.datasource.DatasourceException} it is: it ends the
 * workflow (no 2xx for a row that was not written) unless the task's {@code on_error} handles it,
 * which then receives {@link DatasourceFailures#status}.
 */
public final class JdbcTasks {
  private static final JsonNodeFactory JSON = new JsonNodeFactory(true);

  private JdbcTasks() {}

  /** Runs a statement that returns rows: the status's data is the rows, an array of objects. */
  public static Status query(JdbcDatasource datasource, String statement, Map<String, ?> args) {
    List<Map<String, Object>> rows = datasource.query(statement, args);
    ArrayNode array = JSON.arrayNode(rows.size());
    for (Map<String, Object> row : rows) {
      ObjectNode object = array.addObject();
      row.forEach((column, value) -> object.set(column, JdbcValues.toJson(value)));
    }
    return Status.ok(array);
  }

  /** Runs a statement that changes rows: the status's data is {@code {"count": <rows changed>}}. */
  public static Status update(JdbcDatasource datasource, String statement, Map<String, ?> args) {
    int count = datasource.update(statement, args);
    ObjectNode data = JSON.objectNode();
    data.put("count", count);
    return Status.ok(data);
  }
}
