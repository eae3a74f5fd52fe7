package passagesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import passagesearch.config.TagVocabulary;
import passagesearch.ingest.Passage;
import passagesearch.ingest.SurfaceWords;
import passagesearch.opensearch.IndexSettings.Fields;
import passagesearch.search.SuggestionEntries;
import passagesearch.search.SuggestionEntry;

/**
 * A generation's search-box completions as records of their own beside its passages: the embedded engine's
 * entries ({@link SuggestionEntries}: the vocabulary's names and brands, the corpus's frequent words, headings),
 * counted while the passages are written, each record holding the entry in lower case from every word start
 * ({@value Fields#ENTRY_STARTS}), so a {@code prefix} query finds a prefix at the start of any of its words as
 * the embedded suggester does, and its tier and weight to sort by.
 */
final class SuggestionRecords {
  /** An entry's lower-case text from a word start is kept this long: a search box sends at most 100 characters. */
  static final int STARTS_CHARS = 100;

  /** Passages using each surface word (runs of letters, lower-cased), as the embedded index's word field counts them. */
  private final Map<String, Integer> words = new HashMap<>();
  private final Map<String, Integer> tags = new HashMap<>();
  private final Set<String> headings = new TreeSet<>();

  /** Counts a passage's words, tags and headings. */
  void count(Passage p) {
    SurfaceWords.of(p).forEach(w -> words.merge(w, 1, Integer::sum));
    new HashSet<>(p.tags()).forEach(t -> tags.merge(t, 1, Integer::sum));
    headings.addAll(p.headings());
  }

  /** The entries, gathered as the embedded suggester gathers them. */
  List<SuggestionEntry> entries(TagVocabulary vocabulary) {
    SuggestionEntries gathered = new SuggestionEntries(vocabulary, id -> tags.getOrDefault(id, 0),
        w -> words.getOrDefault(w, 0));
    new TreeSet<>(words.keySet()).forEach(w -> gathered.word(w, words.get(w)));
    headings.forEach(gathered::heading);
    return gathered.entries();
  }

  static ObjectNode doc(SuggestionEntry e) {
    ObjectNode doc = Cluster.JSON.createObjectNode();
    doc.put(Fields.KIND, Fields.SUGGESTION);
    doc.put(Fields.ENTRY, e.text());
    doc.put(Fields.ENTRY_KIND, e.kind().name());
    doc.put(Fields.ENTRY_KIND_ORDER, e.kind().ordinal());
    doc.put(Fields.ENTRY_TIER, e.tier().ordinal());
    doc.put(Fields.ENTRY_WEIGHT, e.weight());
    List<String> starts = e.wordStarts(STARTS_CHARS);
    // The whole entry from its first character, when a word starts there: what "begins with the prefix" asks.
    doc.put(Fields.ENTRY_LOWER, SuggestionEntry.isWordStart(e.text(), 0) ? starts.getFirst() : "");
    ArrayNode all = doc.putArray(Fields.ENTRY_STARTS);
    starts.forEach(all::add);
    return doc;
  }

  static SuggestionEntry entry(JsonNode source) {
    return new SuggestionEntry(source.path(Fields.ENTRY).asText(),
        SuggestionEntry.Kind.valueOf(source.path(Fields.ENTRY_KIND).asText()),
        SuggestionEntry.Tier.values()[source.path(Fields.ENTRY_TIER).asInt()], source.path(Fields.ENTRY_WEIGHT).asInt());
  }
}
