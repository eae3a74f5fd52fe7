package passagesearch.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import passagesearch.ingest.DocumentMetadata;

/**
 * Reads a generation's {@code generation.json} (which {@link IndexStore} writes from a {@link GenerationInfo}
 * with Jackson) from Jackson's tree, not by binding it back to the records: the first binding of a process,
 * its record introspection and deserializers, cost 80-90 ms of {@code serve}'s start (106-115 ms against
 * 18-34 ms for the seed's file, in a JVM with the serve AOT cache), and start-up binds nothing else once
 * {@code index-config/} and the manifest are read from trees too.
 */
final class GenerationInfoFile {
  private GenerationInfoFile() {}

  static GenerationInfo read(ObjectMapper json, Path file) throws IOException {
    JsonNode root = json.readTree(file.toFile());
    if (root == null || !root.isObject()) {
      throw new IOException(file + " holds no generation's description");
    }
    List<GenerationInfo.DocumentEntry> documents = new ArrayList<>();
    for (JsonNode d : required(root, "documents", file)) {
      JsonNode m = required(d, "metadata", file);
      documents.add(new GenerationInfo.DocumentEntry(new DocumentMetadata(text(m, "id"), text(m, "file"),
          text(m, "title"), text(m, "publisher"), text(m, "author"), text(m, "url"), text(m, "updated"),
          text(m, "reviewed"), text(m, "nextReview")), required(d, "passages", file).asInt()));
    }
    return new GenerationInfo(text(root, "name"), text(root, "builtAt"), text(root, "corpusFingerprint"),
        text(root, "configFingerprint"), documents, required(root, "passages", file).asInt(),
        required(root, "buildMillis", file).asLong(), required(root, "layout", file).asInt(), text(root, "vectorModel"));
  }

  private static JsonNode required(JsonNode node, String key, Path file) throws IOException {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      throw new IOException(file + " has no '" + key + "'");
    }
    return value;
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? null : value.asText();
  }
}
