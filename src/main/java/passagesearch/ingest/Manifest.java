package passagesearch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import passagesearch.config.ConfigMap;

/** {@code manifest.json}: each listed file's id and metadata. A bad manifest fails the read as a whole. */
final class Manifest {
  static final String FILE = "manifest.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The keys an entry may have: {@link Entry}'s components. */
  private static final String[] ENTRY_KEYS = {
      "id", "file", "receivedAs", "title", "publisher", "author", "url", "updated", "reviewed", "nextReview"};

  private Manifest() {}

  record Entry(
      String id,
      String file,
      String receivedAs,
      String title,
      String publisher,
      String author,
      String url,
      String updated,
      String reviewed,
      String nextReview) {

    DocumentMetadata metadata() {
      return new DocumentMetadata(id, file, title, publisher, author, url, updated, reviewed, nextReview);
    }
  }

  /** The entries by file name; empty when the folder has no manifest. */
  static Map<String, Entry> read(Path dir) {
    Path file = dir.resolve(FILE);
    Map<String, Entry> byFile = new HashMap<>();
    if (!Files.isRegularFile(file)) {
      return byFile;
    }
    List<Entry> entries = entries(file);
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      String at = FILE + ": documents[" + i + "]";
      if (e.file() == null || e.id() == null || !e.id().matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
        throw new CorpusException(at + ": needs a file and an id of letters, digits, '.', '_' or '-'");
      }
      for (String date : new String[] {e.updated(), e.reviewed(), e.nextReview()}) {
        checkDate(date, at);
      }
      if (byFile.put(e.file(), e) != null) {
        throw new CorpusException(at + ": file '" + e.file() + "' is listed twice");
      }
    }
    return byFile;
  }

  /**
   * The entries, read from Jackson's tree rather than bound to records (the first binding of a process cost
   * about 80 ms of {@code serve}'s start), as {@code index-config/} is: a key an entry cannot have, or a value
   * that is not text, fails naming it.
   */
  private static List<Entry> entries(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new CorpusException(FILE + ": " + e.getMessage().lines().findFirst().orElse("unreadable"), e);
    }
    if (root == null || !root.path("documents").isArray()) {
      throw new CorpusException(FILE + ": needs a \"documents\" list");
    }
    List<Entry> entries = new ArrayList<>();
    for (ConfigMap d : ConfigMap.root(FILE, root, CorpusException::new, "documents").maps("documents", ENTRY_KEYS)) {
      entries.add(new Entry(d.text("id"), d.text("file"), d.text("receivedAs"), d.text("title"), d.text("publisher"),
          d.text("author"), d.text("url"), d.text("updated"), d.text("reviewed"), d.text("nextReview")));
    }
    return entries;
  }

  private static void checkDate(String date, String at) {
    if (date == null) {
      return;
    }
    try {
      LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new CorpusException(at + ": '" + date + "' is not a date in the form YYYY-MM-DD");
    }
  }
}
