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
import java.util.function.Consumer;
import passagesearch.config.IndexConfig;
import passagesearch.config.RankingSettings;
import passagesearch.config.TagDefinition;
import passagesearch.embed.ModelSlot;
import passagesearch.ingest.DocumentSource;
import passagesearch.opensearch.IndexSettings.Fields;
import passagesearch.query.Concept;
import passagesearch.query.ParsedQuery;
import passagesearch.query.QueryParser;
import passagesearch.search.ConceptReader;
import passagesearch.search.DocumentList;
import passagesearch.search.DocumentView;
import passagesearch.search.EnglishWords;
import passagesearch.search.FacetCounts;
import passagesearch.search.HitCoverage;
import passagesearch.search.IndexStatus;
import passagesearch.search.InvalidRequestException;
import passagesearch.search.Page;
import passagesearch.search.PassageView;
import passagesearch.search.QueryCoverage;
import passagesearch.search.QueryUnderstanding;
import passagesearch.search.Ranking;
import passagesearch.search.ResultShaper;
import passagesearch.search.ScoreExplanation;
import passagesearch.search.QueryMeaning;
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
import passagesearch.search.TagRecognizer;
import passagesearch.search.TagSnippet;
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
 * <p>Answers a reader can trust, as the embedded engine's and through its classes: each hit's {@code coverage}
 * of the query's concepts ({@code search.ConceptReader}), matched by named queries in the post filter
 * ({@link ClusterConcepts}), and the response's {@code coverage} and its message; near-duplicates folded, sources
 * diversified and hits ranked by coverage by the embedded {@code search.Ranking} over the cluster's hits
 * ({@link ClusterCandidates}), every page cut from one ranking; a passage found by its tag alone showing the words
 * that earned it ({@code search.TagSnippet}); {@code explain}'s term lists (the cluster's analyzers) and score
 * explanations (the cluster's); a topic tag's lift scaled by its share of the generation's passages.
 */
public final class OpenSearchEngine implements SearchEngine {
  /** The alias generations are served under unless another is given. */
  public static final String DEFAULT_ALIAS = "passages";
  /** How long a build's request (creating an index, a bulk batch, waiting for green) may take. */
  private static final Duration ADMIN_LIMIT = Duration.ofMinutes(2);
    private static final int MAX_SOURCE_FACETS = 20;

  private final Cluster cluster;
  /** The same nodes for builds, rollbacks and index creation: requests that may take minutes, never retried early. */
  private final Cluster admin;
  private final IndexConfig config;
  private final Generations generations;
  /** The longest a search request runs, over every node it is tried on. */
  private final Duration searchLimit;
  private final TagRecognizer tags;
  private final ConceptReader conceptReader;
  private final ClusterConcepts clusterConcepts;
  private final ResultShaper shaper;
  private final TagSnippet tagSnippet;
  private final ClusterCatalogue catalogue;
  /** The English word lists, read on the first word neither the vocabulary nor the corpus knows. */
  private final EnglishWords english = new EnglishWords();
  /** The served generation's spelling corrector, query translator and search by meaning: one of each per generation. */
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
    this.tags = new TagRecognizer(config.tags());
    this.conceptReader = ConceptReader.of(config);
    this.clusterConcepts = new ClusterConcepts(new QueryDsl(config), config);
    RankingSettings ranking = config.ranking();
    this.shaper = new ResultShaper(ranking.duplicateOverlap(), ranking.sameSourceDecay(), ranking.coverage());
    this.tagSnippet = new TagSnippet(config.tags(), ranking.snippetMaxLength());
    this.models = models;
    this.vectorCache = vectorCache;
    this.catalogue = new ClusterCatalogue(cluster, alias, config.tags(), this::served);
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

  /**
   * Builds, verifies and publishes a new generation of the corpus.
   *
   * @param notes told when the generation is built without passage vectors (the model cannot load), and why
   */
  public BulkWriter.Built build(DocumentSource corpus, int shards, int replicas, Consumer<String> notes) {
    return build(corpus, shards, replicas, BulkWriter.Progress.NONE, notes);
  }

  /**
   * Builds, verifies and publishes a new generation of the corpus, saying how far it has got; when any step
   * fails the generation is removed and the alias stays where it was.
   *
   * @param notes told when the generation is built without passage vectors (the model cannot load), and why
   */
  public BulkWriter.Built build(DocumentSource corpus, int shards, int replicas, BulkWriter.Progress progress,
      Consumer<String> notes) {
    Generations publishing = new Generations(admin, generations.alias(), searchLimit);
    // A model that cannot load leaves a generation searched by words alone: notes hears it, /api/index says it.
    try (PassageVectors vectors = vectorCache == null ? null
        : PassageVectors.forBuild(config.semantic(), models, vectorCache, false, notes)) {
      BulkWriter.Built built = new BulkWriter(admin, publishing, config, shards, replicas, vectors).build(corpus, progress);
      catalogue.forget();
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
    catalogue.forget();
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
    ParsedQuery meaning = tags.recognize(g.corrector().correct(QueryParser.parse(request.query())));
    List<Concept> concepts = conceptReader.read(meaning);
    QueryDsl dsl = g.dsl();
    QueryDsl.Q words = dsl.words(meaning);
    FusedHits fused = byMeaning(g, meaning, words, request.tags(), request.sources());
    ObjectNode body = Cluster.JSON.createObjectNode();
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
    aggs.putObject("tags").putObject("terms").put("field", Fields.TAG).put("size", ClusterCatalogue.MAX_TAG_FACETS);
    aggs.putObject("source").putObject("terms").put("field", Fields.SOURCE).put("size", MAX_SOURCE_FACETS);
    body.put("explain", request.explain());
    // Each hit says which concepts it mentions; every page is cut from one ranking, shaped as the embedded engine's.
    Optional.ofNullable(clusterConcepts.naming(concepts)).ifPresent(named -> body.set("post_filter", named));
    int n = request.offset() + request.limit();
    ClusterCandidates candidates = candidates(body, lexical, fused, Ranking.firstDepth(n, config.ranking().window()),
        concepts.size());
    ClusterCandidates.Shaped shaped = candidates.shape(shaper, concepts, config.ranking().window(), n);
    List<ResultShaper.Shaped> page = shaped.best().subList(Math.min(request.offset(), shaped.best().size()), shaped.best().size());
    List<SearchHit> hits = new ArrayList<>();
    for (ResultShaper.Shaped one : page) {
      hits.add(hit(candidates.hit(one.candidate()), request.offset() + hits.size() + 1, one, meaning, concepts,
          hits.size() < QueryMeaning.MEANING_SNIPPETS ? fused : null, g));
    }
    JsonNode answer = candidates.first();
    Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
    facets.put("tags", ClusterCatalogue.buckets(answer.path("aggregations").path("tags")));
    facets.put("source", ClusterCatalogue.buckets(answer.path("aggregations").path("source")));
    List<FacetCounts.Folded> folded = shaped.folded().stream().map(c -> new FacetCounts.Folded(c.source(),
        ClusterCatalogue.strings(candidates.hit(c).path("_source").path(Fields.TAG)))).toList();
    QueryCoverage coverage = QueryCoverage.ofPage(concepts, page.stream().map(s -> s.candidate().coverage()).toList(),
        () -> mentionsAll(concepts, dsl.restriction(meaning, words, request.tags(), request.sources())),
        !request.tags().isEmpty() || !request.sources().isEmpty());
    return new SearchResponse(request.query(), meaning.corrections().isEmpty() ? null : meaning.searched(),
        answer.path("hits").path("total").path("value").asLong() - folded.size(),
        Math.round((System.nanoTime() - started) / 10_000.0) / 100.0, coverage, hits, FacetCounts.without(facets, folded),
        generation, request.explain() ? understood(generation, meaning, fused.reading().mode()) : null,
        answer.path("timed_out").asBoolean() ? Boolean.TRUE : null);
  }

  /**
   * One hit of a page: its snippet finished as the embedded engine's ({@link TagSnippet}; a passage found by
   * meaning alone, among the first {@value QueryMeaning#MEANING_SNIPPETS} of a page, shows its sentence nearest
   * the query, by the same model), its coverage, its explanation.
   *
   * @param fused the search by meaning, or null where no meaning snippet is made
   */
  private SearchHit hit(JsonNode hit, int rank, ResultShaper.Shaped shaped, ParsedQuery meaning, List<Concept> concepts,
      FusedHits fused, PerGeneration g) {
    JsonNode s = hit.path("_source");
    List<String> parts = new ArrayList<>();
    hit.path("highlight").path(Fields.TEXT).forEach(f -> parts.add(f.asText()));
    String text = s.path(Fields.TEXT).asText();
    List<String> headings = ClusterCatalogue.strings(s.path(Fields.HEADINGS));
    String snippet = tagSnippet.finish(String.join(" … ", parts), text, meaning.tags().named());
    if (fused != null && !snippet.contains("<mark>") && fused.foundByMeaning(hit.path("_id").asText())) {
      snippet = g.meaning().snippet(text, fused.reading().vector(), config.ranking().snippetMaxLength()).orElse(snippet);
    }
    return new SearchHit(s.path(Fields.ID).asText(), rank, shaped.score(), text, snippet,
        headings.isEmpty() ? null : headings.getLast(), headings, ClusterCatalogue.strings(s.path(Fields.TAG)),
        SourceRef.of(ClusterCatalogue.metadata(s.path(Fields.META))),
        new SearchHit.Offsets(s.path(Fields.START).asInt(), s.path(Fields.END).asInt()),
        concepts.isEmpty() ? null : HitCoverage.of(concepts, shaped.candidate().coverage(), this::tagLabel),
        hit.has("_explanation") ? explanation(hit.path("_explanation"))
            .noting(ClusterCatalogue.strings(s.path(Fields.INHERITED)).stream().map(v -> "tag " + v).toList()) : null);
  }

  /** The cluster's explanation of a hit's score (Lucene's, as JSON). */
  private static ScoreExplanation explanation(JsonNode root) {
    return ScoreExplanation.of(root, e -> (float) e.path("value").asDouble(), e -> e.path("description").asText(),
        e -> {
          List<JsonNode> details = new ArrayList<>();
          e.path("details").forEach(details::add);
          return details;
        });
  }

  /**
   * Whether any passage within the search's filters and exclusions mentions every concept: one search that stops
   * at the first, sent again as a search is when a node fails under it.
   */
  private boolean mentionsAll(List<Concept> concepts, QueryDsl.Q restriction) {
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.put("size", 0);
    body.put("terminate_after", 1);
    body.put("track_total_hits", true);
    body.set("query", QueryDsl.json(clusterConcepts.mentioningAll(concepts, restriction)));
    return searchWithRetries(body).path("hits").path("total").path("value").asLong() > 0;
  }

  /** How the query was understood: its terms as the cluster's query and expanding analyzers read them. */
  private QueryUnderstanding understood(String generation, ParsedQuery meaning, RetrievalMode mode) {
    List<String> terms = analyzed(generation, IndexSettings.QUERY_ANALYZER, meaning.looseWords());
    java.util.Set<String> expansions = new java.util.LinkedHashSet<>(
        analyzed(generation, IndexSettings.EXPANDED_ANALYZER, meaning.wordsOutsidePhrases()));
    terms.forEach(expansions::remove);
    return new QueryUnderstanding(meaning.searched(), terms, List.copyOf(expansions), meaning.corrections(),
        meaning.tags().named(), meaning.tags().implied(), mode.name(), mode.reason());
  }

  private List<String> analyzed(String generation, String analyzer, String text) {
    List<String> terms = new ArrayList<>();
    if (!text.isBlank()) {
      ObjectNode body = Cluster.JSON.createObjectNode().put("analyzer", analyzer).put("text", text);
      cluster.send("POST", "/" + generation + "/_analyze", body).path("tokens").forEach(t -> terms.add(t.path("token").asText()));
    }
    return terms;
  }

  private String tagLabel(String id) {
    return config.tags().find(id).map(TagDefinition::label).orElse(id);
  }

  @Override
  public List<String> rankIds(String query, int n) {
    SearchRequest request = new SearchRequest(query, 1, 0, List.of(), List.of(), false);
    validate(request);
    PerGeneration g = perGeneration(served());
    ParsedQuery meaning = tags.recognize(g.corrector().correct(QueryParser.parse(query)));
    List<Concept> concepts = conceptReader.read(meaning);
    QueryDsl dsl = g.dsl();
    QueryDsl.Q words = dsl.words(meaning);
    FusedHits fused = byMeaning(g, meaning, words, List.of(), List.of());
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.put("track_total_hits", false);
    JsonNode lexical = QueryDsl.json(dsl.full(meaning, words, List.of(), List.of()));
    body.set("query", fused.query(lexical));
    Optional.ofNullable(clusterConcepts.naming(concepts)).ifPresent(named -> body.set("post_filter", named));
    body.putArray("_source").add(Fields.ID).add(Fields.SOURCE).add(Fields.TEXT).add(Fields.RESTATES_HEADING);
    ClusterCandidates candidates = candidates(body, lexical, fused, Ranking.firstDepth(n, config.ranking().window()),
        concepts.size());
    return candidates.shape(shaper, concepts, config.ranking().window(), n).best().stream()
        .map(s -> candidates.hit(s.candidate()).path("_source").path(Fields.ID).asText()).toList();
  }

  /**
   * The search's hits as the ranking's candidates: the cluster's own order when meaning adds nothing (further
   * hits fetched as the ranking needs them), else the fused ranking of the first {@code depth} (lexical hits and
   * the passages found by meaning, {@link FusedHits}).
   */
  private ClusterCandidates candidates(ObjectNode body, JsonNode lexical, FusedHits fused, int depth, int concepts) {
    if (!fused.joins()) {
      return new ClusterCandidates(this::searchWithRetries, body, depth, concepts, id -> false);
    }
    body.put("size", depth);
    JsonNode first = searchWithRetries(body);
    return ClusterCandidates.ranked(first, fused.rank(first, body, lexical, depth, this::searchWithRetries), concepts,
        fused::foundByMeaning);
  }

  /** A generation's spelling corrector, query translator and search by meaning. */
  private record PerGeneration(String generation, SpellCorrector corrector, QueryDsl dsl, ServedMeaning meaning) {}

  /**
   * What serves the generation being served, made when the alias has moved: the corrector's look-ups are of
   * that generation's words, and it remembers them for as long as it is served, as the embedded engine's does;
   * the translator weighs topic tags by their share of that generation's passages (one aggregation); its vector
   * lists are read once.
   */
  private PerGeneration perGeneration(String generation) {
    PerGeneration g = served;
    if (g == null || !g.generation().equals(generation)) {
      ObjectNode body = ClusterCatalogue.tagCounts();
      body.put("track_total_hits", true);
      JsonNode answer = cluster.send("POST", "/" + generation + "/_search", body);
      SpellCorrector corrector = SpellCorrector.of(new ClusterLexicon(cluster, generation), config, english);
      QueryDsl dsl = new QueryDsl(config, ClusterCatalogue.buckets(answer.path("aggregations").path("tags")),
          answer.path("hits").path("total").path("value").asLong());
      float stubs = Math.min(1f, config.ranking().headingStubFactor());
      g = new PerGeneration(generation, corrector, dsl, ServedMeaning.read(cluster, generation, meta(generation),
          QueryMeaning.of(config, models, corrector::knows), stubs));
      served = g;
    }
    return g;
  }

  /** The passages nearest the query in meaning within the search's filters, to fuse with its lexical hits. */
  private FusedHits byMeaning(PerGeneration g, ParsedQuery meaning, QueryDsl.Q words, List<String> tags,
      List<String> sources) {
    return g.meaning().find(meaning, g.dsl().contentWords(meaning),
        QueryDsl.json(g.dsl().restriction(meaning, words, tags, sources)), this::searchWithRetries);
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
    return catalogue.documents(page);
  }

  @Override
  public Optional<DocumentView> document(String id, Page page) {
    return catalogue.document(id, page);
  }

  @Override
  public Optional<PassageView> passage(String id) {
    return catalogue.passage(id);
  }

  @Override
  public List<TagCount.Group> tags() {
    return catalogue.tags();
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
      if (!catalogue.hasSource(source)) {
        throw new InvalidRequestException("source", "unknown source '" + shorten(source) + "'; GET /api/documents lists the sources");
      }
    }
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
