package dev.hookc.kafka.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 90, unit = TimeUnit.SECONDS)
class KafkaBrokerTest {
  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void closeBroker() {
    broker.close();
  }

  private static KafkaProducer<byte[], byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            30_000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            10_000),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aRecordProducedWithAcksAllIsReadBackByAConsumer() throws Exception {
    broker.createTopic("smoke", 2);
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      producer
          .send(new ProducerRecord<>("smoke", utf8("k1"), utf8("{\"n\":1}")))
          .get(20, TimeUnit.SECONDS);
    }
    List<ConsumerRecord<byte[], byte[]>> records = broker.readAll("smoke", Duration.ofSeconds(20));
    assertThat(records).hasSize(1);
    assertThat(new String(records.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("k1");
    assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
  }

  @Test
  void recordsSurviveAStopAndRestartOnTheSameAddress() throws Exception {
    broker.createTopic("restart", 1);
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      producer.send(new ProducerRecord<>("restart", utf8("before"))).get(20, TimeUnit.SECONDS);
      broker.stop();
      assertThat(broker.running()).isFalse();
      broker.restart();
      producer.send(new ProducerRecord<>("restart", utf8("after"))).get(30, TimeUnit.SECONDS);
    }
    assertThat(broker.readAll("restart", Duration.ofSeconds(20)))
        .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
        .containsExactly("before", "after");
  }
}
