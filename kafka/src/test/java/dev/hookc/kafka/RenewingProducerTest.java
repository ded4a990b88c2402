package dev.hookc.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

/**
 * Which failures make a producer unusable for good, and how often a refused one is checked. The
 * renewal itself runs against a real broker whose user is provisioned late: {@code
 * HostileKafkaHandoffTest} and {@code HostileKafkaConsumerTest}.
 */
class RenewingProducerTest {
  @Test
  void aRefusalIsFoundAsThrownOrUnderWhatTheProducerWrapsItIn() {
    SaslAuthenticationException refused = new SaslAuthenticationException("invalid credentials");
    assertThat(RenewingProducer.refusal(refused)).isSameAs(refused);
    assertThat(
            RenewingProducer.refusal(
                new ExecutionException(
                    new KafkaException(
                        "Cannot perform send because at least one previous transactional or"
                            + " idempotent request has failed with errors.",
                        refused))))
        .isSameAs(refused);
    ClusterAuthorizationException idempotentWrite =
        new ClusterAuthorizationException("not allowed to write idempotently");
    assertThat(RenewingProducer.refusal(idempotentWrite)).isSameAs(idempotentWrite);
  }

  @Test
  void checksComeLessOftenWhileTheBrokersKeepRefusing() {
    assertThat(
            java.util.stream.IntStream.of(1, 2, 3, 4, 5, 6, 100)
                .mapToObj(RenewingProducer::waitBefore)
                .map(java.time.Duration::toSeconds))
        .containsExactly(5L, 10L, 20L, 40L, 60L, 60L, 60L);
  }

  @Test
  void aBrokerAwayOrOneTopicRefusedLeavesTheProducerInUse() {
    assertThat(RenewingProducer.refusal(new TimeoutException("metadata not available"))).isNull();
    assertThat(RenewingProducer.refusal(new TopicAuthorizationException("payments"))).isNull();
    assertThat(RenewingProducer.refusal(new KafkaException("closed"))).isNull();
  }
}
