package dev.hookc.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension starts the project with a test's settings, once for the class. */
@Timeout(30)
class HookcExtensionTest {
  static final String SECRET = Signers.newStandardWebhooksSecret();

  @RegisterExtension
  static final HookcExtension hookc =
      HookcExtension.of(KitProject::builder)
          .config("orders.secret", SECRET)
          .config("greeting.name", "kit")
          .environment("KIT_GITHUB_SECRET", "gh-secret")
          .function(KitProject.Greeting.class, name -> "hi " + name);

  @Test
  void servesOnLoopbackAndInjectsItsClient(HookcClient client) {
    assertThat(client.baseUri().getHost()).isEqualTo("127.0.0.1");
    assertThat(client.baseUri().getPort()).isPositive();
    assertThat(hookc.baseUri()).isEqualTo(client.baseUri());
    assertThat(hookc.application().port()).isEqualTo(client.baseUri().getPort());
  }

  @Test
  void runsAReplacedFunctionWithTheConfigurationSetByTheTest() {
    HookcResponse response = hookc.get("/greet").send();

    assertThat(response.status()).as("%s", response).isEqualTo(200);
    assertThat(response.json().path("greeting").asText()).isEqualTo("hi kit");
  }

  @Test
  void readsASecretFromTheEnvironmentSetByTheTest() {
    HookcResponse signed =
        hookc.post("/github").json("{}").signedWith(Signers.github("gh-secret")).send();
    HookcResponse forged =
        hookc.post("/github").json("{}").signedWith(Signers.github("gh-other")).send();

    assertThat(signed.status()).as("%s", signed).isEqualTo(200);
    assertThat(forged.status()).as("%s", forged).isEqualTo(401);
  }

  @Test
  void keepsTheStoreInANewTemporaryDirectory() {
    Path data = hookc.dataDirectory();

    assertThat(data.getFileName().toString()).startsWith("hookc-test-");
    assertThat(data.getParent()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
    assertThat(Files.isDirectory(data)).isTrue();
  }

  @Test
  void sharesTheStoreBetweenTheRequestsOfOneClass() {
    StandardWebhooksSigner retrying = Signers.standardWebhooks(SECRET).deliveryId("msg_shared");

    HookcResponse first = hookc.post("/orders").json("{}").signedWith(retrying).send();
    HookcResponse retry = hookc.post("/orders").json("{}").signedWith(retrying).send();

    assertThat(first.status()).as("%s", first).isEqualTo(200);
    assertThat(first.header("Idempotent-Replayed")).isNull();
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
  }
}
