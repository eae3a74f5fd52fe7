package passagesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import passagesearch.config.IndexConfig;
import passagesearch.config.TagDefinition;
import passagesearch.config.TagGroup;
import passagesearch.config.TagVocabulary;
import passagesearch.embed.ModelSlot;
import passagesearch.ingest.DocumentMetadata;
import passagesearch.ingest.DocumentSource;
import passagesearch.opensearch.IndexSettings.Fields;
import passagesearch.query.ParsedQuery;
import passagesearch.query.QueryParser;
import passagesearch.query.Tags;
import passagesearch.search.DocumentList;
import passagesearch.search.DocumentSummary;
import passagesearch.search.DocumentView;
import passagesearch.search.EnglishWords;
import passagesearch.search.IndexStatus;
import passagesearch.search.InvalidRequestException;
import passagesearch.search.Page;
import passagesearch.search.PassageSummary;
import passagesearch.search.PassageView;
import passagesearch.search.QueryMeaning;
import passagesearch.search.QueryUnderstanding;
import passagesearch.search.RetrievalMode;
import passagesearch.search.SearchEngine;
import passagesearch.search.SearchHit;
import passagesearch.search.SearchRequest;
import passagesearch.search.SearchResponse;
import passagesearch.search.SourceRef;
import passagesearch.search.SpellCorrector;
import passagesearch.search.SuggestRequest;
import passagesearch.search.Suggestion;
import passagesearch.search.SuggestionEntries;
import passagesearch.search.SuggestionEntry;
import passagesearch.search.TagCount;
import passagesearch.vectors.PassageVectors;

/**
 * The search engine over an OpenSearch cluster: the same requests and answers as the embedded engine, the
 * query built by {@link QueryDsl}, snippets by OpenSearch's unified highlighter (HTML-escaped, matches in
 * {@code <mark>}), tag and source facets by terms aggregations, BM25 statistics gathered over every shard
 * first ({@code dfs_query_then_fetch}) so a passage scores the same however the corpus is sharded.
 *
 * <p>Misspelt words are corrected as the embedded engine corrects them ({@link SpellCorrector}, over the
 * served generation's words: {@link ClusterLexicon}); suggestions are the embedded suggester's entries, kept as
 * records of the generation ({@link SuggestionRecords}) and found by prefix queries.
 *
 * <p>Search by meaning, from stock OpenSearch features (no k-NN plugin): a generation built with passage vectors
 * (the embedded build's embedding and vector cache) holds each passage's vector, compact, in its nearest k-means
 * list ({@link VectorLists}); a search embeds its query here as the embedded engine does, probes the nearest lists
 * within its filters, scores the candidates' vectors exactly ({@link MeaningCandidates}) and fuses them with the
 * lexical hits by the embedded engine's weights ({@link FusedHits}). The embedded rules hold
 * ({@link QueryMeaning}): the model loads beside start-up and searches are lexical meanwhile; a generation built
 * without vectors, a machine without the model, or {@code semantic.yaml} off answer by words and
 * {@code /api/index} and {@code explain} say so; {@code minSimilarity} and the guard against letters that are no
 * word apply; a hit found by meaning alone shows its sentence nearest the query.
 *
 * <p>Rebuilds and rollbacks through the admin routes are the serving room's jobs ({@code serving.ClusterRebuilds})
 * calling {@link #build} and {@link #rollback}.
 *
 * <p>Not yet here: near-duplicate folding, {@code coverage}, a topic tag's lift scaled by its share of the
 * corpus, and {@code explain}'s term lists.
 */
public final class OpenSearchEngine implements SearchEngine {
  /** The alias generations are served under unless another is given. */
  public static final String DEFAULT_ALIAS = "passages";
  /** How long a build's request (creating an index, a bulk batch, waiting for green) may take. */
  private static final Duration ADMIN_LIMIT = Duration.ofMinutes(2);
  private static final int MAX_TAG_FACETS = 100;
  private static final int MAX_SOURCE_FACETS = 20;

  private final Cluster cluster;
  /** The same nodes for builds, rollbacks and index creation: requests that may take minutes, never retried early. */
  private final Cluster admin;
  private final IndexConfig config;
  private final Generations generations;
  /** The longest a search request runs, over every node it is tried on. */
  private final Duration searchLimit;
  private final QueryDsl dsl;
  private volatile Catalogue catalogue;
  /** The English word lists, read on the first word neither the vocabulary nor the corpus knows. */
  private final EnglishWords english = new EnglishWords();
  /** The served generation's spelling corrector, which remembers its look-ups, and its search by meaning. */
  private volatile PerGeneration served;
  /** The embedding model: queries are embedded here, as the embedded engine embeds them. */
  private final ModelSlot models;
  /** Where a build keeps passage vectors between builds; null: builds have none. */
  private final Path vectorCache;

  private OpenSearchEngine(Cluster cluster, Cluster admin, IndexConfig config, String alias, Duration searchLimit,
      ModelSlot models, Path vectorCache) {
    this.cluster = cluster;
    this.admin = admin;
    this.config = config;
    this.searchLimit = searchLimit;
    this.generations = new Generations(cluster, alias, searchLimit);
    this.dsl = new QueryDsl(config);
    this.models = models;
    this.vectorCache = vectorCache;
  }

  /**
   * A client of the cluster at {@code urls} (comma-separated). Nothing is sent yet: an unreachable cluster
   * is found by the first request, and answered as unavailable (503) until it can be reached.
   */
  public static OpenSearchEngine connect(String urls, IndexConfig config, String alias) {
    return connect(urls, config, alias, ModelSlot.off("no embedding model was loaded for this engine"), null);
  }

  /**
   * The same, searching by meaning beside the words where the served generation has passage vectors and
   * {@code models} is ready (it may still be loading: searches are lexical meanwhile), and building
   * generations with passage vectors kept in {@code vectorCache} between builds (null: builds have none).
   * The caller closes {@code models}.
   */
  public static OpenSearchEngine connect(String urls, IndexConfig config, String alias, ModelSlot models,
      Path vectorCache) {
    // A search may use its time limit on one node and again on another: the client gives up after both.
    Duration limit = Duration.ofMillis(Math.max(2_000, 2L * config.ranking().timeLimitMillis()));
    return new OpenSearchEngine(Cluster.connect(urls, limit), Cluster.connect(urls, ADMIN_LIMIT), config, alias, limit,
        models, vectorCache);
  }

  /** Builds, verifies and publishes a new generation of the corpus. */
  public BulkWriter.Built build(DocumentSource corpus, int shards, int replicas) {
    return build(corpus, shards, replicas, BulkWriter.Progress.NONE);
  }

  /**
   * Builds, verifies and publishes a new generation of the corpus, saying how far it has got; when any step
   * fails the generation is removed and the alias stays where it was.
   */
  public BulkWriter.Built build(DocumentSource corpus, int shards, int replicas, BulkWriter.Progress progress) {
    Generations publishing = new Generations(admin, generations.alias(), searchLimit);
    // A model that cannot load leaves a generation searched by words alone, which /api/index then says.
    try (PassageVectors vectors = vectorCache == null ? null
        : PassageVectors.forBuild(config.semantic(), models, vectorCache, false, note -> {})) {
      BulkWriter.Built built = new BulkWriter(admin, publishing, config, shards, replicas, vectors).build(corpus, progress);
      catalogue = null;
      return built;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("the vector cache in " + vectorCache + " cannot be used: " + e.getMessage(), e);
    }
  }

  /** Whether the served generation was built from this corpus fingerprint and this configuration. */
  public boolean isFresh(String corpusFingerprint) {
    Optional<String> current = generations.current();
    if (current.isEmpty()) {
      return false;
    }
    JsonNode meta = meta(current.get());
    return corpusFingerprint.equals(meta.path("corpusFingerprint").asText())
        && config.fingerprint().equals(meta.path("configFingerprint").asText());
  }

  /**
   * Moves the alias back to the generation before, once it answers; returns the one now served.
   *
   * @throws NoPreviousGeneration when there is none that can be served; the alias stays
   */
  public String rollback() {
    String now = new Generations(admin, generations.alias(), searchLimit).rollback();
    catalogue = null;
    return now;
  }

  /**
   * Takes the alias for a rebuild or rollback ({@code what}), across processes, until the lock is closed.
   *
   * @throws AliasBusy when another process holds it
   */
  public AliasLock hold(String what) {
    return AliasLock.take(admin, generations.alias(), what);
  }

  /** Requests sent again to another node since the start: a node failed to answer them. */
  public long retries() {
    return cluster.retries();
  }

  @Override
  public SearchResponse search(SearchRequest request) {
    long started = System.nanoTime();
    validate(request);
    String generation = served();
    PerGeneration g = perGeneration(generation);
    ParsedQuery meaning = recognize(g.corrector().correct(QueryParser.parse(request.query())));
    QueryDsl.Q words = dsl.words(meaning);
    FusedHits fused = byMeaning(g, meaning, words, request.tags(), request.sources());
    ObjectNode body = Cluster.JSON.createObjectNode();
    // Every page is cut from one ranking of the best hits, shaped as the embedded engine shapes them.
    int depth = Math.max(config.ranking().window(), request.offset() + request.limit());
    body.put("size", depth);
    body.put("track_total_hits", true);
    body.put("timeout", config.ranking().timeLimitMillis() + "ms");
    JsonNode lexical = QueryDsl.json(dsl.full(meaning, words, request.tags(), request.sources()));
    body.set("query", fused.query(lexical));
    body.putObject("_source").putArray("excludes").add(Fields.SOURCE_TEXT);
    ObjectNode highlight = body.putObject("highlight");
    highlight.putArray("pre_tags").add("<mark>");
    highlight.putArray("post_tags").add("</mark>");
    highlight.put("encoder", "html");
    ObjectNode text = highlight.putObject("fields").putObject(Fields.TEXT);
    text.put("type", "unified");
    text.put("number_of_fragments", config.ranking().snippetPassages());
    text.put("fragment_size", Math.max(20, config.ranking().snippetMaxLength() / config.ranking().snippetPassages()));
    text.put("no_match_size", config.ranking().snippetMaxLength());
    text.set("highlight_query", QueryDsl.json(words));
    ObjectNode aggs = body.putObject("aggs");
    aggs.putObject("tags").putObject("terms").put("field", Fields.TAG).put("size", MAX_TAG_FACETS);
    aggs.putObject("source").putObject("terms").put("field", Fields.SOURCE).put("size", MAX_SOURCE_FACETS);
    JsonNode answer = searchWithRetries(body);
    List<Shaped> shaped = shaped(fused.rank(answer, body, lexical, depth, this::searchWithRetries));
    List<SearchHit> hits = new ArrayList<>();
    int rank = request.offset();
    for (Shaped one : shaped.subList(Math.min(request.offset(), shaped.size()),
        Math.min(shaped.size(), request.offset() + request.limit()))) {
      JsonNode hit = one.hit();
      JsonNode s = hit.path("_source");
      JsonNode fragments = hit.path("highlight").path(Fields.TEXT);
      List<String> parts = new ArrayList<>();
      fragments.forEach(f -> parts.add(f.asText()));
      List<String> headings = strings(s.path(Fields.HEADINGS));
      String snippet = String.join(" … ", parts);
      if (!snippet.contains("<mark>") && fused.foundByMeaning(hit.path("_id").asText())
          && rank - request.offset() < QueryMeaning.MEANING_SNIPPETS) {
        // Nothing in it matched a word: its sentence nearest the query, by the same model.
        snippet = g.meaning().snippet(s.path(Fields.TEXT).asText(), fused.reading().vector(),
            config.ranking().snippetMaxLength()).orElse(snippet);
      }
      hits.add(new SearchHit(s.path(Fields.ID).asText(), ++rank, one.score(),
          s.path(Fields.TEXT).asText(), snippet,
          headings.isEmpty() ? null : headings.getLast(), headings, strings(s.path(Fields.TAG)),
          SourceRef.of(metadata(s.path(Fields.META))),
          new SearchHit.Offsets(s.path(Fields.START).asInt(), s.path(Fields.END).asInt()), null, null));
    }
    Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
    facets.put("tags", buckets(answer.path("aggregations").path("tags")));
    facets.put("source", buckets(answer.path("aggregations").path("source")));
    RetrievalMode mode = fused.reading().mode();
    QueryUnderstanding understood = request.explain()
        ? new QueryUnderstanding(meaning.searched(), List.of(), List.of(), meaning.corrections(),
            meaning.tags().named(), meaning.tags().implied(), mode.name(), mode.reason())
        : null;
    return new SearchResponse(request.query(), meaning.corrections().isEmpty() ? null : meaning.searched(),
        answer.path("hits").path("total").path("value").asLong(),
        Math.round((System.nanoTime() - started) / 10_000.0) / 100.0, null, hits, facets, generation,
        understood, answer.path("timed_out").asBoolean() ? Boolean.TRUE : null);
  }

  @Override
  public List<String> rankIds(String query, int n) {
    SearchRequest request = new SearchRequest(query, 1, 0, List.of(), List.of(), false);
    validate(request);
    PerGeneration g = perGeneration(served());
    ParsedQuery meaning = recognize(g.corrector().correct(QueryParser.parse(query)));
    QueryDsl.Q words = dsl.words(meaning);
    FusedHits fused = byMeaning(g, meaning, words, List.of(), List.of());
    int depth = Math.max(n, config.ranking().window());
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.put("size", depth);
    body.put("track_total_hits", false);
    JsonNode lexical = QueryDsl.json(dsl.full(meaning, words, List.of(), List.of()));
    body.set("query", fused.query(lexical));
    body.putArray("_source").add(Fields.ID).add(Fields.SOURCE).add(Fields.RESTATES_HEADING);
    List<String> ids = new ArrayList<>();
    for (Shaped s : shaped(fused.rank(searchWithRetries(body), body, lexical, depth, this::searchWithRetries))) {
      if (ids.size() == n) {
        break;
      }
      ids.add(s.hit().path("_source").path(Fields.ID).asText());
    }
    return ids;
  }

  /** A generation's spelling corrector and its search by meaning. */
  private record PerGeneration(String generation, SpellCorrector corrector, ServedMeaning meaning) {}

  /**
   * The corrector of the generation being served, made when the alias has moved: its look-ups are of that
   * generation's words, and it remembers them for as long as it is served, as the embedded engine's does;
   * and its vector lists, read once.
   */
  private PerGeneration perGeneration(String generation) {
    PerGeneration s = served;
    if (s == null || !s.generation().equals(generation)) {
      SpellCorrector corrector = SpellCorrector.of(new ClusterLexicon(cluster, generation), config, english);
      float stubs = Math.min(1f, config.ranking().headingStubFactor());
      s = new PerGeneration(generation, corrector, ServedMeaning.read(cluster, generation, meta(generation),
          QueryMeaning.of(config, models, corrector::knows), stubs));
      served = s;
    }
    return s;
  }

  /** The passages nearest the query in meaning within the search's filters, to fuse with its lexical hits. */
  private FusedHits byMeaning(PerGeneration g, ParsedQuery meaning, QueryDsl.Q words, List<String> tags,
      List<String> sources) {
    return g.meaning().find(meaning, dsl.contentWords(meaning),
        QueryDsl.json(dsl.restriction(meaning, words, tags, sources)), this::searchWithRetries);
  }

  /** A hit with its score after source diversity. */
  private record Shaped(JsonNode hit, float score) {}

  /**
   * The hits re-ranked as the embedded engine ranks them: each further hit from a source already shown is
   * scored down by {@code results.sameSourceDecay} once per hit before it, so several sources reach the top.
   * (Near-duplicate folding, the embedded engine's other step, is not done here yet.)
   */
  private List<Shaped> shaped(Iterable<JsonNode> hits) {
    Map<String, Integer> shown = new java.util.HashMap<>();
    List<Shaped> out = new ArrayList<>();
    for (JsonNode h : hits) {
      int before = shown.merge(h.path("_source").path(Fields.SOURCE).asText(), 1, Integer::sum) - 1;
      out.add(new Shaped(h, (float) (h.path("_score").asDouble() * Math.pow(config.ranking().sameSourceDecay(), before))));
    }
    out.sort(java.util.Comparator.comparingDouble((Shaped s) -> -s.score())); // stable: ties keep raw order
    return out;
  }

  /**
   * A search sent again when a node fails under it: the client already tries the next node when one cannot
   * be reached, but a node that goes away during a search can fail it on the node that took it ("node not
   * connected", or shards missing from the answer). Such a search is sent again, after a pause, while its
   * time allows.
   */
  private JsonNode searchWithRetries(ObjectNode body) {
    long deadline = System.nanoTime() + 2_000_000L * Math.max(1_000, config.ranking().timeLimitMillis());
    String endpoint = "/" + generations.alias() + "/_search?search_type=dfs_query_then_fetch";
    for (int attempt = 1; ; attempt++) {
      try {
        JsonNode answer = cluster.send("POST", endpoint, body);
        if (answer.path("_shards").path("failed").asInt() == 0 || System.nanoTime() > deadline) {
          return answer;
        }
      } catch (passagesearch.search.EngineUnavailableException | Cluster.Failure e) {
        if (System.nanoTime() > deadline || (e instanceof Cluster.Failure f && f.status < 500)) {
          throw e;
        }
      }
      cluster.countRetry();
      try {
        Thread.sleep(Math.min(200, 25L * attempt));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new passagesearch.search.EngineUnavailableException("interrupted while the cluster recovered", e);
      }
    }
  }

  /**
   * The embedded suggester's completions, from the served generation's suggestion records: those the prefix
   * begins and those it finds at another word start, in one {@code _msearch}, each sorted by the cluster as
   * the embedded ranking sorts within it (tier, weight, kind, text), the best {@code limit} of each merged by
   * {@link SuggestionEntry#ranking}: the same completions in the same order as the embedded engine's.
   */
  @Override
  public List<Suggestion> suggest(SuggestRequest request) {
    String prefix = request.prefix().strip().toLowerCase(java.util.Locale.ROOT);
    if (prefix.isEmpty()) {
      return List.of();
    }
    String generation = served();
    StringBuilder lines = new StringBuilder();
    for (boolean begins : new boolean[] {true, false}) {
      ObjectNode header = Cluster.JSON.createObjectNode().put("index", generation);
      ObjectNode body = Cluster.JSON.createObjectNode();
      body.put("size", request.limit());
      ObjectNode bool = body.putObject("query").putObject("bool");
      ArrayNode filter = bool.putArray("filter");
      filter.addObject().putObject("term").put(Fields.KIND, Fields.SUGGESTION);
      filter.addObject().putObject("prefix").put(Fields.ENTRY_STARTS, prefix);
      (begins ? filter : bool.putArray("must_not")).addObject().putObject("prefix").put(Fields.ENTRY_LOWER, prefix);
      ArrayNode sort = body.putArray("sort");
      sort.addObject().put(Fields.ENTRY_TIER, "asc");
      sort.addObject().put(Fields.ENTRY_WEIGHT, "desc");
      sort.addObject().put(Fields.ENTRY_KIND_ORDER, "asc");
      sort.addObject().put(Fields.ENTRY, "asc");
      body.putArray("_source").add(Fields.ENTRY).add(Fields.ENTRY_KIND).add(Fields.ENTRY_TIER).add(Fields.ENTRY_WEIGHT);
      lines.append(header).append('\n').append(body).append('\n');
    }
    List<SuggestionEntry> found = new ArrayList<>();
    for (JsonNode response : cluster.sendLines("/_msearch", lines.toString()).path("responses")) {
      if (response.has("error")) {
        throw new Cluster.Failure(response.path("status").asInt(500), "OpenSearch answered a suggestion search with "
            + response.path("error").path("type").asText() + ": " + response.path("error").path("reason").asText());
      }
      response.path("hits").path("hits").forEach(h -> found.add(SuggestionRecords.entry(h.path("_source"))));
    }
    return SuggestionEntries.namingTags(found.stream().sorted(SuggestionEntry.ranking(prefix)).limit(request.limit())
        .map(SuggestionEntry::suggestion).toList(), config.tags());
  }

  @Override
  public DocumentList documents(Page page) {
    Catalogue c = catalogue();
    List<DocumentMetadata> slice = c.sources.subList(Math.min(page.offset(), c.sources.size()),
        Math.min(c.sources.size(), page.offset() + page.limit()));
    Map<String, DocumentSummary> summaries = summaries(slice);
    return new DocumentList(slice.stream().map(m -> summaries.get(m.id())).toList(), c.sources.size());
  }

  @Override
  public Optional<DocumentView> document(String id, Page page) {
    DocumentMetadata m = catalogue().byId.get(id);
    if (m == null) {
      return Optional.empty();
    }
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.put("from", page.offset());
    body.put("size", page.limit());
    body.set("query", passagesOf(id));
    body.putArray("sort").addObject().put(Fields.ORDINAL, "asc");
    body.putObject("_source").putArray("excludes").add(Fields.SOURCE_TEXT).add(Fields.META);
    JsonNode answer = cluster.send("POST", "/" + generations.alias() + "/_search", body);
    List<PassageSummary> passages = new ArrayList<>();
    answer.path("hits").path("hits").forEach(h -> passages.add(summary(h.path("_source"))));
    return Optional.of(new DocumentView(summaries(List.of(m)).get(id), passages));
  }

  @Override
  public Optional<PassageView> passage(String id) {
    JsonNode found = cluster.send("GET", "/" + generations.alias() + "/_doc/" + Cluster.segment(id), null, 404);
    if (!found.path("found").asBoolean() || !Fields.PASSAGE.equals(found.path("_source").path(Fields.KIND).asText())) {
      return Optional.empty();
    }
    JsonNode s = found.path("_source");
    PassageSummary p = summary(s);
    String documentId = s.path(Fields.SOURCE).asText();
    ObjectNode ids = Cluster.JSON.createObjectNode();
    ids.putArray("ids").add(documentId + "/" + (p.ordinal() - 1)).add(documentId + "/" + (p.ordinal() + 1))
        .add(BulkWriter.SOURCE_ID_PREFIX + documentId);
    JsonNode docs = cluster.send("POST", "/" + generations.alias() + "/_mget", ids).path("docs");
    String previous = docs.path(0).path("found").asBoolean() ? docs.path(0).path("_id").asText() : null;
    String next = docs.path(1).path("found").asBoolean() ? docs.path(1).path("_id").asText() : null;
    String text = docs.path(2).path("_source").path(Fields.SOURCE_TEXT).asText(null);
    return Optional.of(new PassageView(p, SourceRef.of(metadata(s.path(Fields.META))), previous, next,
        PassageView.Context.around(text, p.offsets())));
  }

  @Override
  public List<TagCount.Group> tags() {
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.put("size", 0);
    body.putObject("query").putObject("term").put(Fields.KIND, Fields.PASSAGE);
    body.putObject("aggs").putObject("tags").putObject("terms").put("field", Fields.TAG).put("size", 10_000);
    Map<String, Integer> counts = buckets(cluster.send("POST", "/" + generations.alias() + "/_search", body)
        .path("aggregations").path("tags"));
    List<TagCount.Group> groups = new ArrayList<>();
    for (TagGroup g : config.tags().groups()) {
      List<TagCount> tags = new ArrayList<>();
      for (TagDefinition t : g.tags()) {
        tags.add(new TagCount(t.id(), t.label(), counts.getOrDefault(t.id(), 0)));
      }
      groups.add(new TagCount.Group(g.id(), g.label(), g.id().equals(TagVocabulary.SET_ASIDE_GROUP), tags));
    }
    return groups;
  }

  @Override
  public IndexStatus status() {
    String name = served();
    JsonNode meta = meta(name);
    ServedMeaning meaning = perGeneration(name).meaning();
    RetrievalMode mode = meaning.mode();
    return new IndexStatus(name, meta.path("builtAt").asText(null), meta.path("buildMillis").asLong(),
        meta.path("documents").asInt(), meta.path("passages").asInt(), meta.path("corpusFingerprint").asText(null),
        meta.path("configFingerprint").asText(null), name, false,
        new IndexStatus.Retrieval(mode.name(), mode.reason(), meaning.vectorModel(),
            models.state().name().toLowerCase(java.util.Locale.ROOT)));
  }

  /** The embedding model this engine searches with; its creator closes it. */
  public ModelSlot models() {
    return models;
  }

  @Override
  public String servedGeneration() {
    return served();
  }

  @Override
  public void close() {
    cluster.close();
    admin.close();
  }

  private String served() {
    return generations.current().orElseThrow(() -> new passagesearch.search.EngineUnavailableException(
        "no generation is published under the OpenSearch alias '" + generations.alias()
            + "'; build one with: index --engine opensearch", null));
  }

  private JsonNode meta(String index) {
    return cluster.send("GET", "/" + index + "/_mapping", null).path(index).path("mappings").path("_meta");
  }

  private void validate(SearchRequest r) {
    int max = config.ranking().maxQueryLength();
    if (r.query().length() > max) {
      throw new InvalidRequestException("q", "q is " + r.query().length() + " characters; at most " + max + " are allowed");
    }
    for (String tag : r.tags()) {
      if (!config.tags().byId().containsKey(tag)) {
        throw new InvalidRequestException("tag", "unknown tag '" + shorten(tag) + "'; the tags are listed in index-config/tags.yaml");
      }
    }
    for (String source : r.sources()) {
      if (!catalogue().byId.containsKey(source)) {
        throw new InvalidRequestException("source", "unknown source '" + shorten(source) + "'; GET /api/documents lists the sources");
      }
    }
  }

  /** The tags the query's words name, those they imply, and those its excluded words name. */
  private ParsedQuery recognize(ParsedQuery query) {
    TagVocabulary v = config.tags();
    List<String> named = v.matching(query.looseWords());
    List<String> excluded = query.excludedWords().isEmpty() ? List.of() : v.matching(query.excludedWords());
    // Every named tag counts as specific here: the cluster's tag lifts are not weighted by corpus share yet.
    List<String> outside = v.matching(query.wordsOutsidePhrases());
    List<String> quoted = named.stream().filter(t -> !outside.contains(t)).toList();
    return query.withTags(new Tags(named, v.impliedBy(named), excluded, named, quoted));
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  private static ObjectNode passagesOf(String documentId) {
    ObjectNode q = Cluster.JSON.createObjectNode();
    ArrayNode filter = q.putObject("bool").putArray("filter");
    filter.addObject().putObject("term").put(Fields.KIND, Fields.PASSAGE);
    filter.addObject().putObject("term").put(Fields.SOURCE, documentId);
    return q;
  }

  /** Passage and tag counts of some sources, in one aggregation. */
  private Map<String, DocumentSummary> summaries(List<DocumentMetadata> sources) {
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.put("size", 0);
    ObjectNode bool = body.putObject("query").putObject("bool");
    ArrayNode filter = bool.putArray("filter");
    filter.addObject().putObject("term").put(Fields.KIND, Fields.PASSAGE);
    ArrayNode ids = filter.addObject().putObject("terms").putArray(Fields.SOURCE);
    sources.forEach(m -> ids.add(m.id()));
    ObjectNode bySource = body.putObject("aggs").putObject("by_source");
    bySource.putObject("terms").put("field", Fields.SOURCE).put("size", Math.max(1, sources.size()));
    bySource.putObject("aggs").putObject("tags").putObject("terms").put("field", Fields.TAG).put("size", MAX_TAG_FACETS);
    JsonNode answer = cluster.send("POST", "/" + generations.alias() + "/_search", body);
    Map<String, JsonNode> buckets = new LinkedHashMap<>();
    answer.path("aggregations").path("by_source").path("buckets").forEach(b -> buckets.put(b.path("key").asText(), b));
    Map<String, DocumentSummary> out = new LinkedHashMap<>();
    for (DocumentMetadata m : sources) {
      JsonNode b = buckets.get(m.id());
      Map<String, Integer> tags = b == null ? Map.of() : buckets(b.path("tags"));
      out.put(m.id(), DocumentSummary.of(SourceRef.of(m), b == null ? 0 : b.path("doc_count").asInt(), tags));
    }
    return out;
  }


  private static PassageSummary summary(JsonNode s) {
    List<String> headings = strings(s.path(Fields.HEADINGS));
    return new PassageSummary(s.path(Fields.ID).asText(), s.path(Fields.ORDINAL).asInt(),
        headings.isEmpty() ? null : headings.getLast(), headings, s.path(Fields.TEXT).asText(),
        strings(s.path(Fields.TAG)), new SearchHit.Offsets(s.path(Fields.START).asInt(), s.path(Fields.END).asInt()));
  }

  private static Map<String, Integer> buckets(JsonNode agg) {
    Map<String, Integer> out = new LinkedHashMap<>();
    agg.path("buckets").forEach(b -> out.put(b.path("key").asText(), b.path("doc_count").asInt()));
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(v -> out.add(v.asText()));
    } else if (!array.isMissingNode() && !array.isNull()) {
      out.add(array.asText());
    }
    return out;
  }

  private static DocumentMetadata metadata(JsonNode meta) {
    try {
      return Cluster.JSON.treeToValue(meta, DocumentMetadata.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a source's metadata cannot be read back: " + e.getMessage(), e);
    }
  }

  /** The sources of the served generation, in corpus order: read once per generation. */
  private Catalogue catalogue() {
    String name = served();
    Catalogue c = catalogue;
    if (c != null && c.generation.equals(name)) {
      return c;
    }
    List<DocumentMetadata> sources = new ArrayList<>();
    int after = -1;
    while (true) {
      ObjectNode body = Cluster.JSON.createObjectNode();
      body.put("size", 1000);
      body.putObject("query").putObject("term").put(Fields.KIND, Fields.DOCUMENT);
      body.putArray("sort").addObject().put(Fields.ORDINAL, "asc");
      body.putArray("search_after").add(after);
      body.putArray("_source").add(Fields.META).add(Fields.ORDINAL);
      JsonNode hits = cluster.send("POST", "/" + name + "/_search", body).path("hits").path("hits");
      if (hits.isEmpty()) {
        break;
      }
      for (JsonNode h : hits) {
        sources.add(metadata(h.path("_source").path(Fields.META)));
        after = h.path("_source").path(Fields.ORDINAL).asInt();
      }
    }
    Map<String, DocumentMetadata> byId = new LinkedHashMap<>();
    sources.forEach(m -> byId.put(m.id(), m));
    c = new Catalogue(name, List.copyOf(sources), byId);
    catalogue = c;
    return c;
  }

  private record Catalogue(String generation, List<DocumentMetadata> sources, Map<String, DocumentMetadata> byId) {}
}
