package dev.hookc.examples.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.hookc.test.HookcExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** A test class whose application cannot start fails with the application's own message. */
@Timeout(30)
class ApplicationStartFailureTest {
  private static volatile boolean launching;

  static boolean launching() {
    return launching;
  }

  /** A test class that forgot the secrets; it runs only from the test below. */
  @EnabledIf("dev.hookc.examples.webhooks.ApplicationStartFailureTest#launching")
  static class WithoutSecrets {
    @RegisterExtension
    static final HookcExtension hookc = HookcExtension.of(HookcApplication::builder);

    @Test
    void neverRuns() {}
  }

  @Test
  void failsTheTestClassWithTheApplicationsMessage() {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launching = true;
    try {
      LauncherFactory.create()
          .execute(
              LauncherDiscoveryRequestBuilder.request()
                  .selectors(selectClass(WithoutSecrets.class))
                  .build(),
              listener);
    } finally {
      launching = false;
    }

    TestExecutionSummary summary = listener.getSummary();
    assertThat(summary.getTestsSucceededCount()).isZero();
    assertThat(summary.getFailures()).hasSize(1);
    assertThat(summary.getFailures().get(0).getException())
        .hasMessageStartingWith("the application did not start: ")
        .hasMessageContaining("config.stripe.webhook_secret");
  }
}
