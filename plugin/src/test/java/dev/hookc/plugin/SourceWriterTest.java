package dev.hookc.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.compiler.emit.GeneratedSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceWriterTest {
  private static final FileTime OLD = FileTime.fromMillis(1_000_000_000_000L);

  @TempDir Path output;

  @Test
  void writesEverySourceIntoAnEmptyDirectory() throws IOException {
    int written =
        new SourceWriter(output)
            .write(List.of(source("a/A.java", "class A {}"), source("b/B.java", "class B {}")));

    assertThat(written).isEqualTo(2);
    assertThat(Files.readString(output.resolve("a/A.java"))).isEqualTo("class A {}");
    assertThat(Files.readString(output.resolve("b/B.java"))).isEqualTo("class B {}");
  }

  @Test
  void leavesUnchangedFilesAloneAndRewritesChangedOnes() throws IOException {
    SourceWriter writer = new SourceWriter(output);
    writer.write(List.of(source("a/A.java", "class A {}"), source("a/B.java", "class B {}")));
    Files.setLastModifiedTime(output.resolve("a/A.java"), OLD);
    Files.setLastModifiedTime(output.resolve("a/B.java"), OLD);

    int written =
        writer.write(List.of(source("a/A.java", "class A {}"), source("a/B.java", "class C {}")));

    assertThat(written).isEqualTo(1);
    assertThat(Files.getLastModifiedTime(output.resolve("a/A.java"))).isEqualTo(OLD);
    assertThat(Files.readString(output.resolve("a/B.java"))).isEqualTo("class C {}");
  }

  @Test
  void deletesFilesAndDirectoriesThatAreNoLongerGenerated() throws IOException {
    SourceWriter writer = new SourceWriter(output);
    writer.write(List.of(source("a/A.java", "class A {}"), source("old/Old.java", "class O {}")));
    Files.writeString(output.resolve("a/Stray.java"), "class Stray {}");

    writer.write(List.of(source("a/A.java", "class A {}")));

    assertThat(output.resolve("a/A.java")).exists();
    assertThat(output.resolve("a/Stray.java")).doesNotExist();
    assertThat(output.resolve("old")).doesNotExist();
  }

  private static GeneratedSource source(String path, String content) {
    return new GeneratedSource(path, content);
  }
}
