package dev.hookc.runtime.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.hookc.runtime.datasource.DatasourceException;
import dev.hookc.runtime.datasource.DatasourceException.Kind;
import dev.hookc.runtime.internal.datasource.JdbcTasks;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@code type: jdbc} datasource's statements, values, transactions and failures, on H2 in memory,
 * H2 in a file, and PostgreSQL.
 */
@Timeout(60)
class JdbcDatasourceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String SCHEMA =
      """
      CREATE TABLE orders (
        id VARCHAR(64) NOT NULL,
        CONSTRAINT orders_pk PRIMARY KEY (id)
      );
      CREATE TABLE payments (
        id VARCHAR(64) NOT NULL,
        order_id VARCHAR(64),
        status VARCHAR(20) NOT NULL,
        amount DECIMAL(12, 2),
        attempts INTEGER,
        big BIGINT,
        ratio DOUBLE PRECISION,
        live BOOLEAN,
        due DATE,
        seen_at TIMESTAMP,
        paid_at TIMESTAMP WITH TIME ZONE,
        ref UUID,
        CONSTRAINT payments_pk PRIMARY KEY (id),
        CONSTRAINT payments_order_fk FOREIGN KEY (order_id) REFERENCES orders (id),
        CONSTRAINT payments_amount_positive CHECK (amount > 0)
      );
      """;
  static final Map<String, String> STATEMENTS =
      Map.of(
          "addOrder", "INSERT INTO orders (id) VALUES (:id)",
          "record",
              "INSERT INTO payments (id, order_id, status, amount, attempts, big, ratio, live, due,"
                  + " seen_at, paid_at, ref) VALUES (:id, :order_id, :status, :amount, :attempts,"
                  + " :big, :ratio, :live, :due, :seen_at, :paid_at, :ref)",
          "insert", "INSERT INTO payments (id, status, amount) VALUES (:id, :status, :amount)",
          "find",
              "SELECT status, id AS Payment_Id, amount, attempts, big, ratio, live, due, seen_at,"
                  + " paid_at, ref FROM payments WHERE id = :id",
          "count", "SELECT COUNT(*) AS n FROM payments",
          "byStatus", "SELECT id FROM payments WHERE status = :status AND amount >= :amount",
          "settle", "UPDATE payments SET status = 'settled' WHERE status = :status");

  @TempDir Path data;
  private StatementDatasource db;

  static String[] kinds() {
    return TestDatabases.kinds();
  }

  private StatementDatasource open(String kind) throws Exception {
    db = TestDatabases.open("db", TestDatabases.url(kind, data), STATEMENTS, SCHEMA);
    return db;
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void readsRowsWithLowerCaseLabelsInSelectOrder(String kind) throws Exception {
    open(kind);
    assertThat(db.update("insert", Map.of("id", "pi_1", "status", "paid", "amount", 12)))
        .isEqualTo(1);

    List<Map<String, Object>> rows = db.query("find", Map.of("id", "pi_1"));

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).keySet())
        .containsExactly(
            "status",
            "payment_id",
            "amount",
            "attempts",
            "big",
            "ratio",
            "live",
            "due",
            "seen_at",
            "paid_at",
            "ref");
    assertThat(rows.get(0).get("payment_id")).isEqualTo("pi_1");
    assertThat(db.query("find", Map.of("id", "pi_none"))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void bindsJsonValuesAndIsoStringsAsTheColumnsTypesAndReadsThemBack(String kind) throws Exception {
    open(kind);
    db.update("addOrder", Map.of("id", "ord_1"));
    JsonNode args =
        JSON.readTree(
            """
            {"id": "pi_1", "order_id": "ord_1", "status": "paid", "amount": 12.50,
             "attempts": 3, "big": 9007199254740993, "ratio": 0.25, "live": true,
             "due": "2026-12-03", "seen_at": "2026-12-03T10:15:30",
             "paid_at": "2026-12-03T10:15:30Z", "ref": "6f1c2b9e-2a55-4c1e-9d7a-0c3e5f2b8a11"}
            """);
    Map<String, Object> values = new HashMap<>();
    args.propertyStream().forEach(e -> values.put(e.getKey(), e.getValue()));
    db.update("record", values);

    JsonNode row = JdbcTasks.query(db, "find", Map.of("id", "pi_1")).data().get(0);

    assertThat(row.get("status").asText()).isEqualTo("paid");
    assertThat(row.get("amount").decimalValue()).isEqualByComparingTo("12.50");
    assertThat(row.get("attempts").isIntegralNumber()).isTrue();
    assertThat(row.get("attempts").asInt()).isEqualTo(3);
    assertThat(row.get("big").asLong()).isEqualTo(9007199254740993L);
    assertThat(row.get("ratio").decimalValue()).isEqualByComparingTo("0.25");
    assertThat(row.get("live").asBoolean()).isTrue();
    assertThat(row.get("due").asText()).isEqualTo("2026-12-03");
    assertThat(row.get("seen_at").asText()).isEqualTo("2026-12-03T10:15:30");
    assertThat(java.time.OffsetDateTime.parse(row.get("paid_at").asText()).toInstant())
        .isEqualTo(java.time.Instant.parse("2026-12-03T10:15:30Z"));
    assertThat(row.get("ref").asText()).isEqualTo("6f1c2b9e-2a55-4c1e-9d7a-0c3e5f2b8a11");
    // Plain Java values bind as well, a numeric string into a number column too.
    assertThat(db.query("byStatus", Map.of("status", "paid", "amount", "12.5")).get(0).get("id"))
        .isEqualTo("pi_1");
    assertThat(db.query("byStatus", Map.of("status", "paid", "amount", new BigDecimal("13"))))
        .isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void bindsNullsOfEveryTypeAndReadsThemAsNull(String kind) throws Exception {
    open(kind);
    Map<String, Object> values = new HashMap<>();
    for (String column :
        List.of(
            "order_id",
            "amount",
            "attempts",
            "big",
            "ratio",
            "live",
            "due",
            "seen_at",
            "paid_at",
            "ref")) {
      values.put(column, column.startsWith("a") ? NullNode.instance : null);
    }
    values.put("id", "pi_null");
    values.put("status", "open");
    db.update("record", values);

    Map<String, Object> row = db.query("find", Map.of("id", "pi_null")).get(0);

    assertThat(row).containsEntry("status", "open");
    assertThat(row.values().stream().filter(v -> v == null)).hasSize(9);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void refusesAnUnknownStatementAMissingArgumentAndAnExtraOne(String kind) throws Exception {
    open(kind);
    assertThatThrownBy(() -> db.query("findd", Map.of("id", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no statement named findd")
        .hasMessageContaining("find, insert");
    assertThatThrownBy(() -> db.update("insert", Map.of("id", "x", "status", "paid")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("db: the statement insert has no value for :amount");
    assertThatThrownBy(() -> db.query("find", Map.of("id", "x", "amount", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("db: the statement find has no parameter amount");
    assertThat(db.query("count", Map.of()).get(0).get("n")).isIn(0L, 0);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void commitsATransactionAndRollsItBackWhenItsWorkThrows(String kind) throws Exception {
    open(kind);
    db.inTransaction(
        () -> {
          db.update("insert", payment("pi_1"));
          return db.update("insert", payment("pi_2"));
        });
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    () -> {
                      db.update("insert", payment("pi_3"));
                      throw new IllegalStateException("the workflow failed");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the workflow failed");

    assertThat(count()).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void nestedTransactionsJoinTheOuterOneWhichCommitsOrRollsBackEverything(String kind)
      throws Exception {
    open(kind);
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    () -> {
                      db.inTransaction(() -> db.update("insert", payment("pi_inner")));
                      db.update("insert", payment("pi_outer"));
                      throw new IllegalStateException("after the inner one");
                    }))
        .hasMessage("after the inner one");
    assertThat(count()).isZero();

    db.inTransaction(() -> db.inTransaction(() -> db.update("insert", payment("pi_inner"))));
    assertThat(count()).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aTransactionIsBoundToItsThreadWhichAloneSeesItsRowsUntilItCommits(String kind)
      throws Exception {
    open(kind);
    db.inTransaction(
        () -> {
          db.update("insert", payment("pi_1"));
          // Another thread runs outside the transaction, in one of its own: it does not see it.
          long elsewhere =
              CompletableFuture.supplyAsync(this::countQuietly).get(10, TimeUnit.SECONDS);
          assertThat(elsewhere).isZero();
          assertThat(count()).isEqualTo(1);
          return null;
        });
    assertThat(CompletableFuture.supplyAsync(this::countQuietly).get(10, TimeUnit.SECONDS))
        .isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aFailedStatementWhoseFailureIsHandledLeavesTheTransactionUsable(String kind)
      throws Exception {
    open(kind);
    db.update("insert", payment("pi_1"));
    db.inTransaction(
        () -> {
          db.update("insert", payment("pi_2"));
          // A duplicate delivery's insert, continued by an on_error: PostgreSQL would refuse
          // every statement after it without the savepoint it ran behind.
          assertThatThrownBy(() -> db.update("insert", payment("pi_1")))
              .isInstanceOfSatisfying(
                  DatasourceException.class,
                  e -> assertThat(e.kind()).isEqualTo(Kind.UNIQUE_VIOLATION));
          return db.update("insert", payment("pi_3"));
        });
    assertThat(count()).isEqualTo(3);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void tellsConstraintViolationsApartNamingTheConstraintButNeverAValue(String kind)
      throws Exception {
    open(kind);
    db.update("insert", payment("pi_secret_value"));

    assertFailure(
        () -> db.update("insert", payment("pi_secret_value")), Kind.UNIQUE_VIOLATION, "insert");
    assertFailure(
        () -> db.update("insert", Map.of("id", "pi_2", "status", "paid", "amount", -5)),
        Kind.CHECK_VIOLATION,
        "payments_amount_positive");
    Map<String, Object> orphan = new HashMap<>(payment("pi_3"));
    orphan.put("order_id", "ord_secret_value");
    for (String column :
        List.of("attempts", "big", "ratio", "live", "due", "seen_at", "paid_at", "ref")) {
      orphan.put(column, null);
    }
    assertFailure(
        () -> db.update("record", orphan), Kind.FOREIGN_KEY_VIOLATION, "payments_order_fk");
    Map<String, Object> noStatus = new HashMap<>(payment("pi_4"));
    noStatus.put("status", null);
    assertFailure(() -> db.update("insert", noStatus), Kind.NOT_NULL_VIOLATION, "status");
  }

  private static void assertFailure(Runnable statement, Kind kind, String named) {
    assertThatThrownBy(statement::run)
        .isInstanceOfSatisfying(
            DatasourceException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              assertThat(e.datasource()).isEqualTo("db");
              assertThat(e.getMessage()).startsWith("db: ").containsIgnoringCase(named);
              assertThat(e.getMessage()).doesNotContain("secret_value");
              assertThat(e.getCause()).isNull();
            });
  }

  private static Map<String, Object> payment(String id) {
    return Map.of("id", id, "status", "paid", "amount", 10);
  }

  private long count() {
    return ((Number) db.query("count", Map.of()).get(0).get("n")).longValue();
  }

  private long countQuietly() {
    return count();
  }
}
