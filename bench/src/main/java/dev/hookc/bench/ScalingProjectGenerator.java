package dev.hookc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a synthetic hookc project with {@code n} events and {@code n} workflows, for timing the
 * build as projects grow.
 *
 * <p>Each event has a realistic body schema (patterns, enums, formats, nested objects, an array of
 * objects, open metadata, {@code $ref}s to shared definitions); each workflow has a transform task
 * with arithmetic, comparisons and string templates over the body, and a response built from it.
 * Usage: {@code ScalingProjectGenerator <directory> <n> <hookc version>}.
 */
public final class ScalingProjectGenerator {

  private ScalingProjectGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: ScalingProjectGenerator <directory> <n> <hookc version>");
      System.exit(2);
    }
    Path root = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    write(root.resolve("pom.xml"), pom(args[2]));
    write(root.resolve("src/definitions/common.yaml"), DEFINITIONS);
    for (int i = 1; i <= n; i++) {
      String id = String.format(Locale.ROOT, "%04d", i);
      write(root.resolve("src/events/event-" + id + ".yaml"), event(id));
      write(root.resolve("src/functions/handle_" + id + ".yaml"), workflow(id));
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  static String pom(String version) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>dev.hookc.scaling</groupId>
          <artifactId>scaling</artifactId>
          <version>1</version>
          <properties>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
          <dependencies>
            <dependency>
              <groupId>dev.hookc</groupId>
              <artifactId>hookc-runtime</artifactId>
              <version>%1$s</version>
            </dependency>
          </dependencies>
          <build>
            <plugins>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-compiler-plugin</artifactId>
                <version>3.14.0</version>
                <configuration>
                  <release>17</release>
                </configuration>
              </plugin>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-resources-plugin</artifactId>
                <version>3.3.1</version>
              </plugin>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-clean-plugin</artifactId>
                <version>3.5.0</version>
              </plugin>
              <plugin>
                <groupId>dev.hookc</groupId>
                <artifactId>hookc-maven-plugin</artifactId>
                <version>%1$s</version>
                <configuration>
                  <packageName>dev.hookc.scaling</packageName>
                </configuration>
                <executions>
                  <execution>
                    <goals>
                      <goal>generate-sources</goal>
                    </goals>
                  </execution>
                </executions>
              </plugin>
            </plugins>
          </build>
        </project>
        """
        .formatted(version);
  }

  private static final String DEFINITIONS =
      """
      Money:
        type: object
        required: [amount, currency]
        properties:
          amount:
            type: integer
            minimum: 0
          currency:
            type: string
            pattern: "^[A-Z]{3}$"
      Address:
        type: object
        required: [line1, city, country]
        properties:
          line1:
            type: string
            maxLength: 200
          city:
            type: string
            maxLength: 100
          postal_code:
            type: string
          country:
            type: string
            pattern: "^[A-Z]{2}$"
      """;

  static String event(String id) {
    return """
        http.post./hooks/%1$s:
          summary: "Event %1$s from a provider"
          fn: handle_%1$s
          authn: false
          body:
            content:
              application/json:
                schema:
                  type: object
                  required: [id, type, created, amount, customer]
                  properties:
                    id:
                      type: string
                      pattern: "^evt_[A-Za-z0-9]{8,32}$"
                    type:
                      type: string
                      enum: [created, updated, deleted, refunded]
                    created:
                      type: string
                      format: date-time
                    amount:
                      $ref: "#/definitions/Money"
                    customer:
                      type: object
                      required: [id, email]
                      properties:
                        id:
                          type: string
                        email:
                          type: string
                          format: email
                        address:
                          $ref: "#/definitions/Address"
                    items:
                      type: array
                      maxItems: 100
                      items:
                        type: object
                        required: [sku, quantity]
                        properties:
                          sku:
                            type: string
                            minLength: 1
                          quantity:
                            type: integer
                            minimum: 1
                          price:
                            type: number
                            minimum: 0
                    metadata:
                      type: object
                      additionalProperties:
                        type: string
          responses:
            200:
              description: Event received
            400:
              description: Invalid event
        """
        .formatted(id);
  }

  static String workflow(String id) {
    return """
        id: handle_%1$s
        summary: Summarise event %1$s and acknowledge it
        tasks:
          - id: summarize
            fn: com.gs.transform
            args:
              doubled: <%% inputs.body.amount.amount * 2 %%>
              large: <%% inputs.body.amount.amount > 100000 && inputs.body.type == 'created' %%>
              label: "event <%% inputs.body.id %%> for <%% inputs.body.customer.email %%>"
              city: <%% inputs.body.customer.address.city ?? 'unknown' %%>
          - id: respond
            args:
              statusCode: 200
              body:
                received: <%% inputs.body.id %%>
                summary: <%% summarize.data %%>
        """
        .formatted(id);
  }
}
