package passagesearch.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import passagesearch.config.IndexConfig;
import passagesearch.config.Vocabulary;

/**
 * A generation's index settings and mapping, generated from the loaded {@code index-config/}: the language the
 * embedded engine understands (index.PassageAnalyzer) rebuilt from OpenSearch's stock analysis filters, so any
 * cluster of OpenSearch 3 serves it with no plugin to install. Three analyzers over one chain:
 *
 * <ol>
 *   <li>{@code standard} tokenizer; {@code stemmer} (possessive_english): drops a trailing 's.
 *   <li>{@code pattern_replace}, case-sensitive: a token spelled exactly as a known acronym (ALL, CNS), or
 *       starting with one before digits, gets the suffix {@value #ACRONYM_MARK}, so lower-casing cannot make
 *       "ALL" meet "all"; {@code keyword_marker} then keeps the stemmer off it. (Lucene's chain marks the acronym a
 *       keyword and lower-cases around it; a condition filter would need a Painless analysis script, which not
 *       every cluster allows, and a keyword-aware lower-casing filter is not stock.)
 *   <li>{@code lowercase}; spelling variants to the indexed form: a {@code synonym} filter of
 *       {@code variant => form} rules from spelling.txt.
 *   <li>Expanded query only: {@code synonym_graph} over synonyms.txt and the drugs' brands, spelling applied to
 *       the rules here, as OpenSearch does not run one synonym filter over another's rules.
 *   <li>{@code word_delimiter_graph}: letters split from digits ("effects3"). It comes after the synonyms, not
 *       before as in the embedded chain: OpenSearch refuses it in a chain that parses synonym rules.
 *   <li>Index only: {@code pattern_capture}: a known word glued to a neighbour ("revumenibis") is also indexed.
 *   <li>{@code stop}: English stop words; for queries the question words too.
 *   <li>{@code porter_stem}.
 * </ol>
 *
 * <p>BM25's k1 and b are the ranking's. Fields: those the search reads and the answers show, each commented; a
 * generation holds passages, their sources, and search-box completions, told apart by {@code kind}.
 */
final class IndexSettings {
  static final String ACRONYM_MARK = "acronym";
  static final String INDEX_ANALYZER = "passage_index";
  static final String QUERY_ANALYZER = "passage_query";
  static final String EXPANDED_ANALYZER = "passage_expanded";

  /** Lucene's EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, which OpenSearch's {@code _english_} also is. */
  static final Set<String> ENGLISH_STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by",
      "for", "if", "in", "into", "is", "it", "no", "not", "of", "on", "or", "such", "that", "the", "their",
      "then", "there", "these", "they", "this", "to", "was", "will", "with");

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private IndexSettings() {}

  /** The body of the create-index request: settings (shards, replicas, similarity, analysis) and mappings. */
  static ObjectNode body(IndexConfig config, int shards, int replicas, Map<String, Object> meta) {
    ObjectNode body = Cluster.JSON.createObjectNode();
    ObjectNode index = body.putObject("settings").putObject("index");
    index.put("number_of_shards", shards);
    index.put("number_of_replicas", replicas);
    // Refreshed once, when the build is done: nothing searches a generation before its alias moves.
    index.put("refresh_interval", "-1");
    ObjectNode bm25 = index.putObject("similarity").putObject("default");
    bm25.put("type", "BM25");
    bm25.put("k1", config.ranking().k1());
    bm25.put("b", config.ranking().b());
    index.set("analysis", analysis(config));
    body.set("mappings", mappings(meta));
    return body;
  }

  static ObjectNode analysis(IndexConfig config) {
    Vocabulary v = config.vocabulary();
    Set<String> acronyms = config.tags().acronyms().stream()
        .filter(a -> a.chars().allMatch(Character::isLetter)) // the embedded chain meets acronyms as split tokens
        .collect(Collectors.toCollection(TreeSet::new));
    ObjectNode analysis = Cluster.JSON.createObjectNode();
    ObjectNode filters = analysis.putObject("filter");
    filters.putObject("possessive").put("type", "stemmer").put("language", "possessive_english");
    List<String> head = new ArrayList<>(List.of("possessive"));
    if (!acronyms.isEmpty()) {
      filters.putObject("acronyms").put("type", "pattern_replace")
          .put("pattern", "^(" + alternation(acronyms) + ")(?!\\p{L})")
          .put("replacement", "$1" + ACRONYM_MARK);
      head.add("acronyms");
    }
    head.add("lowercase");
    if (!v.spellings().isEmpty()) {
      ArrayNode rules = filters.putObject("spelling").put("type", "synonym").putArray("synonyms");
      new TreeSet<>(v.spellings().keySet()).forEach(variant -> rules.add(variant + " => " + v.spellings().get(variant)));
      head.add("spelling");
    }
    boolean synonyms = !v.synonymRules().isEmpty();
    if (synonyms) {
      ObjectNode syn = filters.putObject("synonyms").put("type", "synonym_graph").put("lenient", true);
      ArrayNode rules = syn.putArray("synonyms");
      v.synonymRules().forEach(rule -> rules.add(respelled(rule, v.spellings())));
    }
    filters.putObject("split_digits").put("type", "word_delimiter_graph")
        .put("generate_word_parts", true).put("generate_number_parts", true).put("split_on_numerics", true)
        .put("split_on_case_change", false).put("preserve_original", false).put("catenate_words", false)
        .put("catenate_numbers", false).put("catenate_all", false).put("stem_english_possessive", false);
    boolean glued = !v.gluedWords().isEmpty();
    if (glued) {
      String words = alternation(v.gluedWords());
      filters.putObject("glued").put("type", "pattern_capture").put("preserve_original", true)
          .putArray("patterns").add("^(" + words + ").{2,}$").add("^.{2,}?(" + words + ")$");
    }
    filters.putObject("index_stops").put("type", "stop").put("ignore_case", false)
        .set("stopwords", strings(new TreeSet<>(ENGLISH_STOP_WORDS)));
    filters.putObject("query_stops").put("type", "stop").put("ignore_case", false)
        .set("stopwords", strings(queryStopWords(config)));
    if (!acronyms.isEmpty()) {
      filters.putObject("acronym_keywords").put("type", "keyword_marker")
          .set("keywords", strings(acronyms.stream().map(IndexSettings::marked).collect(Collectors.toCollection(TreeSet::new))));
    }
    List<String> tail = acronyms.isEmpty() ? List.of("porter_stem") : List.of("acronym_keywords", "porter_stem");

    ObjectNode analyzers = analysis.putObject("analyzer");
    List<String> index = new ArrayList<>(head);
    index.add("split_digits");
    if (glued) {
      index.add("glued");
    }
    index.add("index_stops");
    index.addAll(tail);
    List<String> query = new ArrayList<>(head);
    query.add("split_digits");
    query.add("query_stops");
    query.addAll(tail);
    List<String> expanded = new ArrayList<>(head);
    if (synonyms) {
      expanded.add("synonyms");
    }
    expanded.add("split_digits");
    expanded.add("query_stops");
    expanded.addAll(tail);
    analyzer(analyzers, INDEX_ANALYZER, index);
    analyzer(analyzers, QUERY_ANALYZER, query);
    analyzer(analyzers, EXPANDED_ANALYZER, expanded);
    return analysis;
  }

  /** Stop words of queries: English and the question words. */
  static Set<String> queryStopWords(IndexConfig config) {
    TreeSet<String> stops = new TreeSet<>(ENGLISH_STOP_WORDS);
    stops.addAll(config.vocabulary().questionWords());
    return stops;
  }

  /** An acronym as the chain indexes it. */
  static String marked(String acronym) {
    return acronym.toLowerCase(Locale.ROOT) + ACRONYM_MARK;
  }

  /** A synonym rule with each word's spelling variant replaced by its indexed form. */
  static String respelled(String rule, Map<String, String> spellings) {
    Matcher m = WORD.matcher(rule);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String form = spellings.get(m.group().toLowerCase(Locale.ROOT));
      m.appendReplacement(out, Matcher.quoteReplacement(form == null ? m.group() : form));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Longest first, so the first alternative that matches is the longest word. */
  private static String alternation(Set<String> words) {
    return words.stream().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(w -> w))
        .map(Pattern::quote).collect(Collectors.joining("|"));
  }

  private static ArrayNode strings(Set<String> values) {
    ArrayNode array = Cluster.JSON.createArrayNode();
    values.forEach(array::add);
    return array;
  }

  private static void analyzer(ObjectNode analyzers, String name, List<String> filters) {
    ObjectNode a = analyzers.putObject(name);
    a.put("type", "custom");
    a.put("tokenizer", "standard");
    a.set("filter", strings(new java.util.LinkedHashSet<>(filters)));
  }

  private static ObjectNode mappings(Map<String, Object> meta) {
    ObjectNode mappings = Cluster.JSON.createObjectNode();
    mappings.put("dynamic", "strict");
    mappings.set("_meta", Cluster.JSON.valueToTree(meta));
    // A passage's vector is fetched only by a search by meaning (from doc values), never with a hit's _source.
    mappings.putObject("_source").putArray("excludes").add(Fields.VECTOR);
    ObjectNode p = mappings.putObject("properties");
    // Passages and their sources share a generation (one alias, one count to verify): kind tells them apart.
    keyword(p, Fields.KIND);
    // The passage id, <document id>/<ordinal>: also the document _id, so a passage is fetched by it.
    keyword(p, Fields.ID);
    // The source's id: filter, facet dimension (a terms aggregation), and a document's passages in order.
    keyword(p, Fields.SOURCE);
    // Position among the document's passages, and a source's place in the corpus: sort keys.
    p.putObject(Fields.ORDINAL).put("type", "integer");
    // The passage's words: BM25; offsets in the postings for the unified highlighter.
    text(p, Fields.TEXT).put("index_options", "offsets").putArray("copy_to").add(Fields.WORDS);
    // The headings above the passage, outermost first (given back as the heading path), and the source's
    // title: their words count toward the score.
    text(p, Fields.HEADINGS).putArray("copy_to").add(Fields.WORDS);
    text(p, Fields.TITLE);
    // The text's and headings' words as written (runs of letters, lower-cased; the stock "simple" analyzer),
    // never scored: the spelling corrector's vocabulary, as the embedded index's surface-word field is.
    p.putObject(Fields.WORDS).put("type", "text").put("analyzer", "simple").put("index_options", "docs")
        .put("norms", false);
    // A tag id: exact filter and facet dimension.
    keyword(p, Fields.TAG);
    // A tag the passage's own words earn: what a query naming the tag may match alone.
    keyword(p, Fields.TAG_IN_TEXT);
    // The tags the passage carries because its document is about them, and why: explain's notes, never searched.
    p.putObject(Fields.INHERITED).put("type", "text").put("index", false);
    // Whether the passage only restates its heading: scored down.
    p.putObject(Fields.RESTATES_HEADING).put("type", "boolean");
    // A search-box completion (kind suggestion): its text, given back and the last sort key; what it is; its
    // tier and weight, the first sort keys; its lower-case text from each word start and from its first
    // character, which a prefix query matches as the embedded suggester does.
    keyword(p, Fields.ENTRY);
    keyword(p, Fields.ENTRY_KIND);
    p.putObject(Fields.ENTRY_KIND_ORDER).put("type", "integer");
    p.putObject(Fields.ENTRY_TIER).put("type", "integer");
    p.putObject(Fields.ENTRY_WEIGHT).put("type", "integer");
    keyword(p, Fields.ENTRY_STARTS);
    keyword(p, Fields.ENTRY_LOWER);
    // Kept to give back, never searched: offsets in the source, the source's metadata
    // (on every passage, so a hit needs no second look-up), and a source's whole text for passages in place.
    p.putObject(Fields.START).put("type", "integer").put("index", false);
    p.putObject(Fields.END).put("type", "integer").put("index", false);
    p.putObject(Fields.META).put("type", "object").put("enabled", false);
    p.putObject(Fields.SOURCE_TEXT).put("type", "text").put("index", false);
    // Search by meaning (VectorLists): the list of a passage's nearest centroid, a keyword a terms filter
    // probes; its vector in 388 bytes (VectorLists.encode), never searched, kept as column-stored doc values
    // only, so that fetching a thousand of them reads no stored _source; a list's own record holds its centroid.
    keyword(p, Fields.VECTOR_LIST);
    p.putObject(Fields.VECTOR).put("type", "binary").put("doc_values", true);
    return mappings;
  }

  private static ObjectNode text(ObjectNode properties, String name) {
    return properties.putObject(name).put("type", "text").put("analyzer", INDEX_ANALYZER)
        .put("search_analyzer", QUERY_ANALYZER);
  }

  private static void keyword(ObjectNode properties, String name) {
    properties.putObject(name).put("type", "keyword");
  }

  /** Field names, spelled once. */
  static final class Fields {
    private Fields() {}

    static final String KIND = "kind";
    static final String PASSAGE = "passage";
    static final String DOCUMENT = "source_document";
    static final String SUGGESTION = "suggestion";
    static final String ID = "id";
    static final String SOURCE = "source";
    static final String ORDINAL = "ordinal";
    static final String TEXT = "text";
    static final String HEADINGS = "headings";
    static final String TITLE = "title";
    static final String WORDS = "words";
    static final String TAG = "tag";
    static final String TAG_IN_TEXT = "tag_in_text";
    static final String INHERITED = "inherited";
    static final String RESTATES_HEADING = "restates_heading";
    static final String START = "start";
    static final String END = "end";
    static final String META = "meta";
    static final String SOURCE_TEXT = "source_text";
    static final String ENTRY = "entry";
    static final String ENTRY_KIND = "entry_kind";
    static final String ENTRY_KIND_ORDER = "entry_kind_order";
    static final String ENTRY_TIER = "entry_tier";
    static final String ENTRY_WEIGHT = "entry_weight";
    static final String ENTRY_STARTS = "entry_starts";
    static final String ENTRY_LOWER = "entry_lower";
    static final String VECTOR_LIST = "vector_list";
    static final String VECTOR = "vector";
    /** The kind of a list's record: its centroid and how many passages it holds ({@link #ORDINAL}). */
    static final String LIST = "vector_list";
  }
}
