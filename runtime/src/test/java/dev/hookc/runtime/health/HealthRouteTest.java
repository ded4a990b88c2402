package dev.hookc.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.HookcServer;
import dev.hookc.runtime.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The health route over real HTTP, reporting the components of a {@link Health}. */
class HealthRouteTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private static HttpResponse<String> get(HookcServer server) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(server.baseUri() + "/health"))
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return Json.mapper().readTree(response.body());
  }

  @Test
  void answersUpWithEachComponentWhileAllRun() throws Exception {
    Health health = new Health();
    health.report("kafka.payments.billing", ComponentHealth.up(0));
    health.report("kafka.orders.shipping", ComponentHealth.up(2));
    try (HookcServer server =
        HookcServer.builder().host("127.0.0.1").port(0).health(health).start()) {
      HttpResponse<String> response = get(server);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body())
          .isEqualTo(
              "{\"status\":\"UP\",\"components\":{"
                  + "\"kafka.orders.shipping\":{\"status\":\"UP\",\"restarts\":2},"
                  + "\"kafka.payments.billing\":{\"status\":\"UP\",\"restarts\":0}}}");
    }
  }

  @Test
  void answers503WithTheComponentThatIsDownAndUpAgainOnceItRuns() throws Exception {
    Health health = new Health();
    health.report("kafka.payments.billing", ComponentHealth.up(0));
    health.report("kafka.orders.shipping", ComponentHealth.up(0));
    try (HookcServer server =
        HookcServer.builder().host("127.0.0.1").port(0).health(health).start()) {
      health.report("kafka.payments.billing", ComponentHealth.down("broker gone", 3));

      HttpResponse<String> down = get(server);
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(json(down).path("status").asText()).isEqualTo("DOWN");
      JsonNode component = json(down).path("components").path("kafka.payments.billing");
      assertThat(component.path("status").asText()).isEqualTo("DOWN");
      assertThat(component.path("detail").asText()).isEqualTo("broker gone");
      assertThat(component.path("restarts").asLong()).isEqualTo(3);
      assertThat(
              json(down).path("components").path("kafka.orders.shipping").path("status").asText())
          .isEqualTo("UP");

      health.report("kafka.payments.billing", ComponentHealth.up(3));
      assertThat(get(server).statusCode()).isEqualTo(200);
      health.remove("kafka.payments.billing");
      health.remove("kafka.orders.shipping");
      assertThat(get(server).body()).isEqualTo("{\"status\":\"UP\"}");
    }
  }
}
