package dev.hookc.compiler.naming;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamesTest {
  private final Names names = new Names("com.example.hooks");

  @Test
  void namesEachJdbcDatasourcesStatementsClassAfterItInTheDatasourcesPackage() {
    assertThat(names.statements(List.of("db", "payments_db")))
        .containsExactly(
            Map.entry("db", ClassName.get("com.example.hooks.datasources", "DbStatements")),
            Map.entry(
                "payments_db",
                ClassName.get("com.example.hooks.datasources", "PaymentsDbStatements")));
  }

  @Test
  void numbersStatementsClassesThatWouldClashInNameOrderWhateverTheOrderGiven() {
    Map<String, ClassName> classes = names.statements(List.of("myDb", "Db", "my_db", "db"));

    assertThat(classes.get("Db").simpleName()).isEqualTo("DbStatements");
    assertThat(classes.get("db").simpleName()).isEqualTo("DbStatements2");
    assertThat(classes.get("myDb").simpleName()).isEqualTo("MyDbStatements");
    assertThat(classes.get("my_db").simpleName()).isEqualTo("MyDbStatements2");
  }
}
