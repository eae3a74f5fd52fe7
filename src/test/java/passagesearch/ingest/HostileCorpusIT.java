package passagesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;

/**
 * The files of issue 13 that once ended the process or the rebuild, indexed by the real {@code index}
 * command in a child JVM with the production heap ({@code -Xmx128m -XX:+ExitOnOutOfMemoryError}): each is
 * skipped with a short reason, or indexed within the caps, and the command exits 0. About 40 MB of files
 * are generated in a temporary folder; run it with {@code ./mvnw -o test -Dtest=HostileCorpusIT}.
 */
class HostileCorpusIT {
  @TempDir Path tmp;

  @Test
  @Timeout(300)
  void eachHostileFileIsSkippedOrCappedAndTheIndexCommandExitsZeroWithTheProductionHeap() throws Exception {
    Path corpus = tmp.resolve("corpus");
    Files.createDirectories(corpus);
    Files.copy(TestSupport.corpus().resolve("knowall-all-treatment.txt"), corpus.resolve("a-good.txt"));
    // A Markdown file with a 50 MB line: skipped by its size, never read.
    write(corpus.resolve("fifty-mb-line.md"), "# Notes\n\n", "word ", 10_000_000, "\n");
    // A JSON Lines file: a good record, a 20 MB one-line record (never held whole), a good record.
    write(corpus.resolve("records.jsonl"), "{\"_id\": \"r1\", \"text\": \"Dasatinib is taken by mouth.\"}\n"
        + "{\"_id\": \"r2\", \"text\": \"", "leukaemia ", 2_000_000,
        "\"}\n{\"_id\": \"r3\", \"text\": \"Nilotinib is taken twice a day, with water.\"}\n");
    // A million <p> in 3 MB: jsoup's tree of it would be hundreds of MB; skipped before parsing.
    write(corpus.resolve("million-p.html"), "<html><body>", "<p>", 1_000_000, "</body></html>");
    // A paragraph of 3.9 MB with no sentence end: under the document bound, so indexed, split at words.
    write(corpus.resolve("long-paragraph.md"), "# Long\n\n", "cytarabine ", 350_000, "\n");
    // A heading of 32 KB: it once failed the whole rebuild (a doc value over Lucene's bound).
    write(corpus.resolve("long-heading.md"), "# ", "Leukaemia ", 3_300,
        "\n\nImatinib is a tablet taken once a day with food and a large glass of water.\n");

    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx128m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
        "-cp", System.getProperty("java.class.path"), "passagesearch.cli.Main", "index",
        "--corpus", corpus.toString(), "--config", TestSupport.config().toString(),
        "--index", tmp.resolve("index").toString())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(child.waitFor(240, TimeUnit.SECONDS), "index did not finish");
    String stdout = Files.readString(out);
    String stderr = Files.readString(err);
    assertEquals(0, child.exitValue(), stdout + stderr);
    assertTrue(stdout.matches("(?s)Indexed \\d+ passages from 5 documents \\(3 skipped\\) into .*"), stdout);
    List<String> skipped = stderr.lines().filter(l -> l.startsWith("skipped: ")).toList();
    assertEquals(List.of(
        "skipped: fifty-mb-line.md: 50,000,010 bytes, more than the 4,000,000 a document may have (limits.maxDocumentBytes)",
        "skipped: million-p.html: 1,000,002 HTML elements, more than the 50,000 a page may have (limits.maxHtmlElements)",
        "skipped: records.jsonl line 2: a record of 20,000,025 bytes, more than the 4,000,000 one may have "
            + "(limits.maxDocumentBytes)"), skipped);
    assertTrue(stderr.contains("warning: long-paragraph.md (long-paragraph): 1 sentence(s) or item(s) longer than "
        + "8,000 characters, split at word boundaries (passage.maxChars)"), stderr);
    assertTrue(stderr.contains("warning: long-heading.md (long-heading): 1 heading(s) longer than 200 characters, "
        + "cut at a word (heading.hardMaxChars)"), stderr);
  }

  /** Writes head, then {@code unit} {@code times}, then tail, without holding the whole file. */
  private static void write(Path file, String head, String unit, int times, String tail) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(head);
      for (int i = 0; i < times; i++) {
        w.write(unit);
      }
      w.write(tail);
    }
  }
}
