package passagesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import passagesearch.opensearch.IndexSettings.Fields;
import passagesearch.search.Lexicon;

/**
 * A generation's words for spelling correction, asked of the cluster as the embedded engine asks its index:
 * the surface-word field ({@value Fields#WORDS}: letters, lower-cased, of every passage's text and headings),
 * the query analyzer ({@code _analyze}), the text's terms, and the term suggester, which is Lucene's
 * DirectSpellChecker on each shard with the embedded engine's settings. Asked of one generation by name, never
 * the alias, so the answers stay true for as long as the corrector that remembers them.
 */
final class ClusterLexicon implements Lexicon {
  /** As the embedded engine's DirectSpellChecker: a Levenshtein similarity of at least this. */
  private static final float ACCURACY = 0.6f;
  /** DirectSpellChecker's default: shorter words are not looked up. */
  private static final int MIN_WORD_LENGTH = 4;

  private final Cluster cluster;
  private final String generation;

  ClusterLexicon(Cluster cluster, String generation) {
    this.cluster = cluster;
    this.generation = generation;
  }

  @Override
  public boolean isCorpusWord(String lower) {
    ObjectNode query = Cluster.JSON.createObjectNode();
    query.putObject("query").putObject("term").put(Fields.WORDS, lower);
    return count(query) > 0;
  }

  @Override
  public List<String> terms(String word) {
    ObjectNode body = Cluster.JSON.createObjectNode().put("analyzer", IndexSettings.QUERY_ANALYZER).put("text", word);
    List<String> terms = new ArrayList<>();
    cluster.send("POST", "/" + generation + "/_analyze", body).path("tokens")
        .forEach(t -> terms.add(t.path("token").asText()));
    return terms;
  }

  @Override
  public boolean indexed(List<String> terms) {
    if (terms.isEmpty()) {
      return false;
    }
    ObjectNode query = Cluster.JSON.createObjectNode();
    ArrayNode values = query.putObject("query").putObject("terms").putArray(Fields.TEXT);
    terms.forEach(values::add);
    return count(query) > 0;
  }

  @Override
  public List<String> near(String lower, int maxEdits, int n) {
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.put("size", 0);
    ObjectNode term = body.putObject("suggest").putObject("near").put("text", lower).putObject("term");
    term.put("field", Fields.WORDS)
        .put("suggest_mode", "missing")
        .put("max_edits", maxEdits)
        .put("prefix_length", 0)
        .put("min_word_length", MIN_WORD_LENGTH)
        .put("accuracy", ACCURACY)
        .put("size", n)
        .put("sort", "score")
        .put("string_distance", "internal");
    List<String> out = new ArrayList<>();
    JsonNode entries = cluster.send("POST", "/" + generation + "/_search", body).path("suggest").path("near");
    entries.path(0).path("options").forEach(o -> out.add(o.path("text").asText()));
    return out;
  }

  private long count(ObjectNode query) {
    return cluster.send("POST", "/" + generation + "/_count", query).path("count").asLong();
  }
}
