package dev.hookc.runtime.internal.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamedSqlTest {

  @Test
  void namedParametersBecomePlaceholdersInOrderWithTheirOffsets() {
    NamedSql sql = NamedSql.parse("INSERT INTO p (id, amount) VALUES (:id, :amount)");

    assertThat(sql.jdbc()).isEqualTo("INSERT INTO p (id, amount) VALUES (?, ?)");
    assertThat(sql.parameters())
        .containsExactly(new NamedSql.Parameter("id", 35), new NamedSql.Parameter("amount", 40));
  }

  @Test
  void aNameUsedTwiceIsBoundTwiceAndNamedOnce() {
    NamedSql sql = NamedSql.parse("SELECT * FROM p WHERE a = :x OR b = :x");

    assertThat(sql.jdbc()).isEqualTo("SELECT * FROM p WHERE a = ? OR b = ?");
    assertThat(sql.parameters()).extracting(NamedSql.Parameter::name).containsExactly("x", "x");
    assertThat(sql.names()).containsExactly("x");
  }

  @Test
  void colonsInsideLiteralsIdentifiersAndCommentsAreText() {
    String text =
        "SELECT ':a', E'\\':b', \"c:d\", $$ :e $$, $t$ :f $t$ -- :g\n"
            + "/* :h /* :i */ */ FROM p WHERE x = :real";

    NamedSql sql = NamedSql.parse(text);

    assertThat(sql.names()).containsExactly("real");
    assertThat(sql.jdbc()).isEqualTo(text.replace(":real", "?"));
  }

  @Test
  void aDoubledQuoteStaysInsideItsLiteral() {
    assertThat(NamedSql.parse("SELECT 'it''s :no' WHERE a = :yes").names()).containsExactly("yes");
  }

  @Test
  void postgresCastsAreNotParameters() {
    NamedSql sql = NamedSql.parse("SELECT :amount::numeric, created::date FROM p");

    assertThat(sql.jdbc()).isEqualTo("SELECT ?::numeric, created::date FROM p");
    assertThat(sql.names()).containsExactly("amount");
  }

  @Test
  void aPositionalPlaceholderIsRefusedWhereItIsWritten() {
    assertThatThrownBy(() -> NamedSql.parse("SELECT * FROM p WHERE id = ?"))
        .isInstanceOfSatisfying(
            NamedSql.SyntaxException.class, e -> assertThat(e.offset()).isEqualTo(27))
        .hasMessageContaining("by name only");
  }

  @Test
  void anUnclosedLiteralIsRefusedWhereItOpens() {
    assertThatThrownBy(() -> NamedSql.parse("SELECT 'open FROM p WHERE id = :id"))
        .isInstanceOfSatisfying(
            NamedSql.SyntaxException.class, e -> assertThat(e.offset()).isEqualTo(7))
        .hasMessageContaining("string literal is never closed");
  }

  @Test
  void anUnclosedCommentIsRefused() {
    assertThatThrownBy(() -> NamedSql.parse("SELECT 1 /* :x"))
        .isInstanceOf(NamedSql.SyntaxException.class)
        .hasMessageContaining("comment is never closed");
  }

  @Test
  void dollarSignsInNamesAndPositionalReferencesAreNotLiterals() {
    assertThat(NamedSql.parse("SELECT a$b, :c FROM t").names()).containsExactly("c");
  }
}
