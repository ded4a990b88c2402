package dev.hookc.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Test classes that use the extension, run here as JUnit runs them: when the application starts and
 * stops, which store each test sees, and how a failed start is reported. Surefire does not run the
 * nested classes on their own.
 */
@Timeout(30)
class HookcExtensionLifecycleTest {
  private static final String FIXTURE = "dev.hookc.test.HookcExtensionLifecycleTest#launching";
  static final String SECRET = Signers.newStandardWebhooksSecret();

  /** What each run of a fixture test saw. */
  static final List<Seen> seen = new CopyOnWriteArrayList<>();

  /** Whether a test here is running a fixture class, which is disabled otherwise. */
  private static volatile boolean launching;

  static boolean launching() {
    return launching;
  }

  /** One delivery's answer, and the application and data directory that gave it. */
  record Seen(URI baseUri, Path dataDirectory, String replayed) {}

  @BeforeEach
  void forget() {
    seen.clear();
  }

  private static HookcExtension project() {
    return HookcExtension.of(KitProject::builder)
        .config("orders.secret", SECRET)
        .environment("KIT_GITHUB_SECRET", "unused");
  }

  /** Sends the delivery every fixture sends, with the same id each time, and records it. */
  static void sendTheSameDelivery(HookcExtension hookc) {
    HookcResponse response =
        hookc
            .post("/orders")
            .json("{}")
            .signedWith(Signers.standardWebhooks(SECRET).deliveryId("msg_same_every_time"))
            .send();
    assertThat(response.status()).as("%s", response).isEqualTo(200);
    seen.add(
        new Seen(hookc.baseUri(), hookc.dataDirectory(), response.header("Idempotent-Replayed")));
  }

  private static TestExecutionSummary run(Class<?> testClass) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launching = true;
    try {
      LauncherFactory.create()
          .execute(
              LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
              listener);
    } finally {
      launching = false;
    }
    return listener.getSummary();
  }

  private static void assertPassed(TestExecutionSummary summary, int tests) {
    assertThat(summary.getFailures())
        .as("failures")
        .extracting(f -> f.getException().toString())
        .isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(tests);
  }

  @EnabledIf(FIXTURE)
  static class OneApplicationPerClass {
    @RegisterExtension static final HookcExtension hookc = project();

    @Test
    void first() {
      sendTheSameDelivery(hookc);
    }

    @Test
    void second() {
      sendTheSameDelivery(hookc);
    }
  }

  @EnabledIf(FIXTURE)
  static class FreshStorePerTest {
    @RegisterExtension static final HookcExtension hookc = project().freshStorePerTest();

    @RepeatedTest(2)
    void send() {
      sendTheSameDelivery(hookc);
    }
  }

  @EnabledIf(FIXTURE)
  static class InstanceField {
    @RegisterExtension final HookcExtension hookc = project();

    @RepeatedTest(2)
    void send(HookcClient client) {
      assertThat(client.baseUri()).isEqualTo(hookc.baseUri());
      sendTheSameDelivery(hookc);
    }
  }

  @EnabledIf(FIXTURE)
  static class Outer {
    @RegisterExtension static final HookcExtension hookc = project();

    @Test
    void outer() {
      sendTheSameDelivery(hookc);
    }

    @Nested
    class Inner {
      @Test
      void inner() {
        sendTheSameDelivery(hookc);
      }
    }
  }

  @EnabledIf(FIXTURE)
  static class WithoutASecret {
    @RegisterExtension
    static final HookcExtension hookc =
        HookcExtension.of(KitProject::builder).environment("KIT_GITHUB_SECRET", "unused");

    @Test
    void neverRuns() {
      seen.add(new Seen(null, null, "ran"));
    }
  }

  @Test
  void startsOneApplicationForAClassAndDeletesItsDataDirectoryAfter() {
    assertPassed(run(OneApplicationPerClass.class), 2);

    assertThat(seen).hasSize(2);
    assertThat(seen.get(1).baseUri()).isEqualTo(seen.get(0).baseUri());
    assertThat(seen).extracting(Seen::replayed).containsExactlyInAnyOrder(null, "true");
    assertThat(seen.get(0).dataDirectory()).doesNotExist();
  }

  @Test
  void givesEveryRunOfATestClassAFreshStore() {
    assertPassed(run(OneApplicationPerClass.class), 2);
    assertPassed(run(OneApplicationPerClass.class), 2);

    assertThat(seen).hasSize(4);
    // Each run's first delivery is new to its store; the id was sent by the run before.
    assertThat(seen.subList(2, 4)).extracting(Seen::replayed).containsOnlyOnce((String) null);
    assertThat(seen.get(2).dataDirectory()).isNotEqualTo(seen.get(0).dataDirectory());
  }

  @Test
  void startsAFreshApplicationForEveryTestWhenAsked() {
    assertPassed(run(FreshStorePerTest.class), 2);

    assertThat(seen).extracting(Seen::replayed).containsExactly(null, null);
    assertThat(seen.get(1).dataDirectory()).isNotEqualTo(seen.get(0).dataDirectory());
    assertThat(seen).allSatisfy(s -> assertThat(s.dataDirectory()).doesNotExist());
  }

  @Test
  void startsAnApplicationForEveryTestFromAFieldWithoutStatic() {
    assertPassed(run(InstanceField.class), 2);

    assertThat(seen).extracting(Seen::replayed).containsExactly(null, null);
    assertThat(seen.get(1).baseUri()).isNotEqualTo(seen.get(0).baseUri());
  }

  @Test
  void sharesTheApplicationWithNestedClasses() {
    assertPassed(run(Outer.class), 2);

    assertThat(seen).hasSize(2);
    assertThat(seen.get(1).baseUri()).isEqualTo(seen.get(0).baseUri());
    assertThat(seen.get(0).dataDirectory()).doesNotExist();
  }

  @Test
  void failsEveryTestOfTheClassWithTheApplicationsMessageWhenItCannotStart() {
    TestExecutionSummary summary = run(WithoutASecret.class);

    assertThat(seen).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isZero();
    assertThat(summary.getFailures()).hasSize(1);
    assertThat(summary.getFailures().get(0).getException())
        .hasMessageStartingWith("the application did not start: ")
        .hasMessageContaining("config.orders.secret");
  }
}
