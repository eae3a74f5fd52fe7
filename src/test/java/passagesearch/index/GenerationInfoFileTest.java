package passagesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.ingest.DocumentMetadata;

/** A generation's description reads back, from Jackson's tree, as the record it was written from. */
class GenerationInfoFileTest {
  @TempDir Path dir;

  @Test
  void whatIsWrittenReadsBackEqual() throws IOException {
    GenerationInfo info = new GenerationInfo("gen-000007", "2026-12-07T21:08:38Z", "f79f6abb06c08ae8", "e6d06f18+semantic:m",
        List.of(new GenerationInfo.DocumentEntry(new DocumentMetadata("a", "a.txt", "Title \u2013 \u00e9", "Pub", "Au", "https://x/",
                "2020-05-04", "2021-01-02", "2027-01-01"), 20),
            new GenerationInfo.DocumentEntry(new DocumentMetadata("b", "b.jsonl", null, null, null, null, null, null, null), 3)),
        23, 208L, 4, null);
    ObjectMapper json = new ObjectMapper();
    Path file = dir.resolve("generation.json");
    json.writeValue(file.toFile(), info);
    assertEquals(info, GenerationInfoFile.read(json, file));
  }

  @Test
  void aDescriptionWithoutItsCountsIsRefusedNamingTheKey() throws IOException {
    Path file = dir.resolve("generation.json");
    Files.writeString(file, "{\"name\": \"gen-000001\", \"documents\": []}");
    IOException e = assertThrows(IOException.class, () -> GenerationInfoFile.read(new ObjectMapper(), file));
    assertTrue(e.getMessage().endsWith("has no 'passages'"), e.getMessage());
  }
}
