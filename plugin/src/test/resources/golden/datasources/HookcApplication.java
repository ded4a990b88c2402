package dev.hookc.test.datasources;

import dev.hookc.runtime.Application;
import dev.hookc.runtime.ApplicationSettingsException;
import dev.hookc.runtime.Route;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.app.Assembly;
import dev.hookc.runtime.internal.app.Startup;
import dev.hookc.runtime.internal.datasource.HttpDefinition;
import dev.hookc.runtime.internal.datasource.JdbcDefinition;
import dev.hookc.runtime.internal.datasource.MigrationScript;
import dev.hookc.runtime.internal.datasource.Setting;
import dev.hookc.runtime.log.ConsoleLog;
import dev.hookc.test.datasources.events.PostPaymentsController;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * The project's application: its 1 route, configuration and functions. Run {@code main}, or
 * build and start one from code and tests with {@link #builder()}.
 */
@Generated("dev.hookc.compiler")
public final class HookcApplication {
  private HookcApplication() {
  }

  /**
   * A builder of the project's application, with its 1 route, its configuration
   * ({@code config/}) and its functions. Change what a test or a deployment needs (the port,
   * a secret, a function), then {@code build()} and {@code start()}.
   */
  public static Application.Builder builder() {
    return Assembly.of(HookcConfig::load, HookcApplication::routes)
        .name("dev.hookc.test.datasources")
        .defaultPort(3000)
        .datasource(dbDatasource())
        .datasource(stripeDatasource())
        .apiDocs(HookcApplication.class, "/api-docs", "/api-docs/ui")
        .builder();
  }

  /**
   * Every route, made when the application starts.
   */
  private static List<Route> routes(Startup startup) {
    Wiring wiring = startup.wiring();
    return List.of(
        Route.of("POST", "/payments", new PostPaymentsController(wiring)));
  }

  /**
   * Serves on the port in {@code PORT}, else 3000, until stopped (SIGTERM, Ctrl-C), logging to the
   * console in hookc's one-line format. Settings that keep it from starting (a missing
   * secret, ...) are printed, every one, and it exits with status 1.
   */
  public static void main(String[] args) {
    ConsoleLog.install();
    Application application;
    try {
      application = builder().build().start();
    } catch (ApplicationSettingsException e) {
      System.err.println("hookc: " + e.getMessage());
      System.exit(1);
      return;
    }
    application.stopOnShutdownSignal();
    System.out.println("hookc: serving 1 route on http://localhost:" + application.port());
  }

  /**
   * Datasource {@code db}, from {@code src/datasources/db.yaml}.
   */
  private static JdbcDefinition dbDatasource() {
    return new JdbcDefinition(
        "db",
        Optional.of(new Setting("<% config.db.url %>", (config, env)
            -> config.at("/db/url").asText(null))),
        Optional.of(new Setting("<% env.DB_USER %>", (config, env) -> env.apply("DB_USER"))),
        Optional.of(new Setting("<% env.DB_PASSWORD %>", (config, env)
            -> env.apply("DB_PASSWORD"))),
        4,
        List.of(
            new MigrationScript(
                "1",
                "create payments",
                "V1__create_payments.sql",
                "CREATE TABLE payments (\n"
                    + "  id VARCHAR(64) PRIMARY KEY,\n"
                    + "  status TEXT NOT NULL,\n"
                    + "  amount NUMERIC(12, 2) NOT NULL,\n"
                    + "  currency CHAR(3) NOT NULL\n"
                    + ");\n"),
            new MigrationScript(
                "2",
                "create orders",
                "V2__create_orders.sql",
                "CREATE TABLE orders (\n"
                    + "  id VARCHAR(64) PRIMARY KEY,\n"
                    + "  payment_id VARCHAR(64),\n"
                    + "  paid BOOLEAN NOT NULL DEFAULT FALSE\n"
                    + ");\n")),
        Map.ofEntries(
            Map.entry(
                "recordPayment",
                "INSERT INTO payments (id, status, amount, currency)\n"
                    + "VALUES (:id, :status, :amount, :currency)\n"),
            Map.entry(
                "findPayment",
                "SELECT id, status, amount, currency FROM payments WHERE id = :id"),
            Map.entry(
                "markPaid",
                "UPDATE orders SET paid = TRUE WHERE payment_id = :id"),
            Map.entry(
                "order_summary",
                "SELECT o.id, o.payment_id, p.id AS \"payment id\", o.paid, 1 AS class,\n"
                    + "       CAST(:since AS TIMESTAMP) AS since\n"
                    + "FROM orders o LEFT JOIN payments p ON p.id = o.payment_id\n"
                    + "WHERE o.paid = :paid\n")));
  }

  /**
   * Datasource {@code stripe}, from {@code src/datasources/stripe.yaml}.
   */
  private static HttpDefinition stripeDatasource() {
    return new HttpDefinition(
        "stripe",
        new Setting("<% config.stripe.base_url %>", (config, env)
            -> config.at("/stripe/base_url").asText(null)),
        Map.ofEntries(
            Map.entry("Stripe-Version", Setting.literal("2024-06-20"))),
        Duration.ofSeconds(10),
        Optional.of(new HttpDefinition.Authn.Bearer(new Setting("<% env.STRIPE_SECRET_KEY %>",
            (config, env) -> env.apply("STRIPE_SECRET_KEY")))),
        new HttpDefinition.Retry(
            3,
            Set.of(429, 503),
            true,
            HttpDefinition.Retry.Backoff.EXPONENTIAL,
            Duration.ofSeconds(1),
            Duration.ofSeconds(30)));
  }
}
