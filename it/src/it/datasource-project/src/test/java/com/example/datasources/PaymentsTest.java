package com.example.datasources;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.hookc.runtime.Application;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Payments are recorded in the project's H2 database and confirmed with the provider's stub. */
class PaymentsTest {
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<String> calls = new CopyOnWriteArrayList<>();
  @TempDir Path data;
  private HttpServer provider;
  private Application application;

  @BeforeEach
  void start() throws Exception {
    provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    provider.createContext(
        "/payments/",
        exchange -> {
          calls.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI().getPath()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] body = "{\"status\":\"succeeded\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    provider.start();
    application =
        HookcApplication.builder()
            .host("127.0.0.1")
            .port(0)
            .dataDirectory(data)
            .config("provider.base_url", "http://127.0.0.1:" + provider.getAddress().getPort())
            .environment("PROVIDER_KEY", "sk_test")
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    if (application != null) {
      application.close();
    }
    provider.stop(0);
  }

  @Test
  void recordsThePaymentAndConfirmsItWithTheProvider() throws Exception {
    HttpResponse<String> response = post("{\"id\":\"pi_1\",\"amount\":12.5,\"currency\":\"EUR\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo("{\"amount\":12.5,\"first\":true,\"provider\":\"succeeded\"}");
    assertThat(calls).containsExactly("POST /payments/pi_1/confirm Bearer sk_test");
  }

  @Test
  void aDuplicateDeliveryIsContinuedAndReadsTheFirstRow() throws Exception {
    post("{\"id\":\"pi_2\",\"amount\":3.5,\"currency\":\"EUR\"}");
    HttpResponse<String> again = post("{\"id\":\"pi_2\",\"amount\":4,\"currency\":\"USD\"}");

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).isEqualTo("{\"amount\":3.5,\"first\":false,\"provider\":\"succeeded\"}");
  }

  private HttpResponse<String> post(String body) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(application.baseUri() + "/payments"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
