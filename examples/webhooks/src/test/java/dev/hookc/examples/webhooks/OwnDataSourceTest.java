package dev.hookc.examples.webhooks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hookc.runtime.Application;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated application on a connection pool of the project's own, handed to its builder as the
 * store's data source: a redelivered, signed message is answered from the record in that pool's
 * database, and the pool outlives the application's stop.
 */
@Timeout(30)
class OwnDataSourceTest {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path data;

  @Test
  void replaysARedeliveryFromTheProjectsOwnPoolAndLeavesThePoolOpen() throws Exception {
    HikariConfig settings = new HikariConfig();
    settings.setJdbcUrl("jdbc:h2:file:" + data.resolve("own") + ";DB_CLOSE_DELAY=-1");
    settings.setMaximumPoolSize(4);
    try (HikariDataSource pool = new HikariDataSource(settings)) {
      Application server =
          SignedWebhooksExampleTest.builder(data.resolve("unused"))
              .dataSource(pool)
              .build()
              .start();
      HttpResponse<String> first;
      HttpResponse<String> repeat;
      try {
        String id = "msg_own_pool";
        String body = "{\"id\":\"ord_7\"}";
        first = post(server, id, body);
        repeat = post(server, id, body);
      } finally {
        server.close();
      }
      assertThat(first.statusCode()).as(first.body()).isBetween(200, 299);
      assertThat(first.headers().firstValue("idempotent-replayed")).isEmpty();
      assertThat(repeat.headers().firstValue("idempotent-replayed")).hasValue("true");
      assertThat(repeat.body()).isEqualTo(first.body());

      assertThat(pool.isClosed()).isFalse();
      try (Connection c = pool.getConnection();
          ResultSet row =
              c.createStatement()
                  .executeQuery(
                      "SELECT COUNT(*) FROM hookc_idempotency WHERE idem_key = 'msg_own_pool'")) {
        row.next();
        assertThat(row.getInt(1)).isEqualTo(1);
      }
    }
  }

  private static HttpResponse<String> post(Application server, String id, String body)
      throws Exception {
    long t = Instant.now().getEpochSecond();
    String signature =
        "v1,"
            + Base64.getEncoder()
                .encodeToString(
                    SignedWebhooksExampleTest.hmac(
                        SignedWebhooksExampleTest.ORDERS_KEY, id + "." + t + "." + body));
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(server.baseUri() + "/webhooks/orders"))
            .timeout(Duration.ofSeconds(15))
            .header("Content-Type", "application/json")
            .header("webhook-id", id)
            .header("webhook-timestamp", Long.toString(t))
            .header("webhook-signature", signature)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(UTF_8)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
