package dev.hookc.runtime;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.runtime.internal.BodyFormat;
import dev.hookc.runtime.internal.RequestBodies;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bodies whose headers say their bytes are something other than the UTF-8 text hookc reads them as:
 * compressed, in another charset, or labelled with two content types. Reading them as UTF-8 anyway
 * would act on a delivery other than the one sent, so each is a 415 or 400 problem unless the bytes
 * read the same either way.
 */
@Timeout(30)
class HostileBodyRepresentationTest {
  private static final String BODY = "{\"status\":\"ok\"}";
  private static TestServer http;

  @BeforeAll
  static void start() throws Exception {
    http =
        TestServer.start(
            Route.of("POST", "/json", r -> Response.json(200, Json.readBody(r))),
            Route.of(
                "POST",
                "/declared",
                r ->
                    Response.json(
                        200,
                        RequestBodies.read(
                            r, BodyFormat.of(RequestBodies.JSON, RequestBodies.FORM)))));
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  private static TestServer.RawResponse post(String path, byte[] body, String... headers)
      throws Exception {
    StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: x\r\n");
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
    byte[] start = head.toString().getBytes(ISO_8859_1);
    byte[] all = java.util.Arrays.copyOf(start, start.length + body.length);
    System.arraycopy(body, 0, all, start.length, body.length);
    return http.raw(all);
  }

  @Test
  void refusesACompressedBodyWith415NamingTheCoding() throws Exception {
    for (String path : List.of("/json", "/declared")) {
      for (String coding : List.of("gzip", "br", "deflate, identity")) {
        TestServer.RawResponse response =
            post(
                path,
                BODY.getBytes(UTF_8),
                "Content-Type: application/json",
                "Content-Encoding: " + coding);

        assertThat(response.status()).as(path + " " + coding).isEqualTo(415);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
        assertThat(response.body()).contains("content coding");
        assertThat(response.headers()).containsEntry("accept-encoding", "identity");
      }
    }
  }

  @Test
  void readsABodyWhoseCodingIsIdentity() throws Exception {
    TestServer.RawResponse response =
        post(
            "/declared",
            BODY.getBytes(UTF_8),
            "Content-Type: application/json",
            "Content-Encoding: identity");

    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void refusesNonAsciiTextInACharsetOtherThanUtf8With415() throws Exception {
    // "Ã©" in ISO-8859-1 is the UTF-8 of "é": read as UTF-8 it would pass, as another text.
    byte[] latin1 = "{\"status\":\"Ã©\"}".getBytes(ISO_8859_1);
    for (String path : List.of("/json", "/declared")) {
      TestServer.RawResponse response =
          post(path, latin1, "Content-Type: application/json; charset=ISO-8859-1");

      assertThat(response.status()).as(path).isEqualTo(415);
      assertThat(response.body()).contains("ISO-8859-1").contains("UTF-8");
    }
  }

  @Test
  void refusesACharsetThatIsNotAsciiBasedWith415() throws Exception {
    TestServer.RawResponse response =
        post("/json", BODY.getBytes(UTF_8), "Content-Type: application/json; charset=utf-16");

    assertThat(response.status()).isEqualTo(415);
  }

  @Test
  void readsAsciiBodiesWhateverAsciiBasedCharsetTheyName() throws Exception {
    // Providers that label forms windows-1252 send ASCII bodies that read the same in UTF-8.
    for (String type :
        List.of(
            "application/json; charset=\"UTF-8\"",
            "application/json;charset=utf8",
            "application/json; charset=windows-1252",
            "application/json; charset=us-ascii")) {
      TestServer.RawResponse response =
          post("/declared", BODY.getBytes(UTF_8), "Content-Type: " + type);

      assertThat(response.status()).as(type).isEqualTo(200);
    }
    TestServer.RawResponse form =
        post(
            "/declared",
            "status=ok".getBytes(UTF_8),
            "Content-Type: application/x-www-form-urlencoded; charset=windows-1252");
    assertThat(form.status()).isEqualTo(200);
  }

  @Test
  void refusesTwoDifferentContentTypesWith400() throws Exception {
    TestServer.RawResponse response =
        post(
            "/declared",
            BODY.getBytes(UTF_8),
            "Content-Type: application/json",
            "Content-Type: application/x-www-form-urlencoded");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("Content-Type");
  }

  @Test
  void refusesAContentTypeWithoutATypeWith415RatherThanReadingItAsTheDefault() throws Exception {
    for (String type : List.of(";;;/", "; charset=utf-8", ";")) {
      TestServer.RawResponse response =
          post("/declared", BODY.getBytes(UTF_8), "Content-Type: " + type);

      assertThat(response.status()).as(type).isEqualTo(415);
      assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
    }
  }

  @Test
  void readsABodyWithoutContentTypeAsTheFirstDeclaredType() throws Exception {
    TestServer.RawResponse response = post("/declared", BODY.getBytes(UTF_8));

    assertThat(response.status()).isEqualTo(200);
  }
}
