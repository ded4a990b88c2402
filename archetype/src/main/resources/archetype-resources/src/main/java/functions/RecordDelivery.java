package ${package}.functions;

import dev.hookc.runtime.workflow.FunctionContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Records each order event in the application's database: the embedded store under {@code data/}
 * unless {@code HOOKC_STORE_URL} names another. {@code RecordDeliveryFunction} and {@code
 * RecordDeliveryArgs} are generated from the workflow that calls {@code fn: recordDelivery}.
 */
public final class RecordDelivery implements RecordDeliveryFunction {

  /** The task's data: {@code outputs.record.data.events} in the workflow. */
  public record Recorded(String orderId, long events) {}

  private final DataSource database;

  /** hookc passes the application's database when it starts the application. */
  public RecordDelivery(DataSource database) throws SQLException {
    this.database = database;
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS order_events ("
              + "delivery_id VARCHAR(255) PRIMARY KEY, "
              + "type VARCHAR(64) NOT NULL, "
              + "order_id VARCHAR(255) NOT NULL)");
    }
  }

  @Override
  public Recorded apply(RecordDeliveryArgs args, FunctionContext context) throws SQLException {
    try (Connection connection = database.getConnection()) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO order_events (delivery_id, type, order_id) VALUES (?, ?, ?)")) {
        insert.setString(1, args.deliveryId());
        insert.setString(2, args.type());
        insert.setString(3, args.orderId());
        insert.executeUpdate();
      }
      try (PreparedStatement count =
          connection.prepareStatement("SELECT COUNT(*) FROM order_events WHERE order_id = ?")) {
        count.setString(1, args.orderId());
        try (ResultSet rows = count.executeQuery()) {
          rows.next();
          context
              .logger()
              .log(System.Logger.Level.INFO, "{0} for order {1}", args.type(), args.orderId());
          return new Recorded(args.orderId(), rows.getLong(1));
        }
      }
    }
  }
}
