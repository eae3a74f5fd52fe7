package passagesearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import passagesearch.config.TagDefinition;
import passagesearch.config.TagVocabulary;
import passagesearch.embed.ModelSlot;
import passagesearch.index.Fields;
import passagesearch.index.GenerationInfo;
import passagesearch.index.OpenIndex;
import passagesearch.ingest.DocumentMetadata;
import passagesearch.query.Concept;
import passagesearch.query.ParsedQuery;

/**
 * Answers searches over the generation being served. The generation can be swapped while searches run:
 * each search holds a reference to the generation it started on and finishes there.
 */
public final class SearchService implements SearchEngine {
  private final AtomicReference<Served> current;
  private final ModelSlot models;
  /** Read once for the service, on its first unknown word, and kept across generations. */
  private final EnglishWords english = new EnglishWords();
  /** The answer caches' hits, misses and evictions, counted across generations. */
  private final CacheCounters cacheCounters = new CacheCounters();
  /** The other kept tables' hits, misses and evictions, counted across generations. */
  private final KeptCounters keptCounters = new KeptCounters();

  /** Searches by words alone, whatever the generation holds: no embedding model is loaded. */
  public SearchService(OpenIndex index) {
    this(index, ModelSlot.off("no embedding model was loaded for this service"));
  }

  /**
   * Searches by words and, where the generation has passage vectors and the model is ready, by meaning.
   * The model may still be loading: searches are lexical until it is ready.
   */
  public SearchService(OpenIndex index, ModelSlot models) {
    this.models = models;
    this.current = new AtomicReference<>(Served.of(index, models, english, cacheCounters, keptCounters));
  }

  /**
   * The embedding model this service searches with: rebuilds of its index use the same one. Its creator
   * closes it (several services may share one).
   */
  public ModelSlot models() {
    return models;
  }

  /** Serves a new generation from now on; the old one closes when its last search finishes. */
  public void swap(OpenIndex next) {
    Served previous = current.getAndSet(Served.of(next, models, english, cacheCounters, keptCounters));
    if (previous != null) {
      previous.index().close();
    }
  }

  /** A page of the sources of the generation being served, in corpus order, with how many there are. */
  @Override
  public DocumentList documents(Page page) {
    return withServed(s -> s.catalog().documents(page.offset(), page.limit()));
  }

  /** A source with a page of its passages in order; empty for an unknown id. */
  @Override
  public java.util.Optional<DocumentView> document(String id, Page page) {
    return withServed(s -> s.catalog().document(id, page.offset(), page.limit()));
  }

  /** A passage in place; empty for an unknown id. */
  @Override
  public java.util.Optional<PassageView> passage(String id) {
    return withServed(s -> s.catalog().passage(id));
  }

  /** Completions for a search box, best first. */
  @Override
  public List<Suggestion> suggest(SuggestRequest request) {
    return withServed(s -> SuggestionEntries.namingTags(s.suggester().get().suggest(request.prefix(), request.limit()), s.index().config().tags()));
  }

  /** The tag vocabulary with passage counts. */
  @Override
  public List<TagCount.Group> tags() {
    return withServed(s -> s.catalog().tags(s.index().config().tags()));
  }

  private <T> T withServed(java.util.function.Function<Served, T> work) {
    Served served = acquire();
    try {
      return work.apply(served);
    } finally {
      served.index().release();
    }
  }

  /** The answer cache of the generation being served, with the counts since the service started. */
  @Override
  public AnswerCacheStats answerCache() {
    return current.get().answers().stats();
  }

  /** One of the tables kept for the generation being served, with the counts since the service started. */
  @Override
  public KeptTableStats kept(KeptTable table) {
    return current.get().kept(table);
  }

  /** What is being served, for clients. */
  @Override
  public IndexStatus status() {
    Served served = current.get();
    OpenIndex index = served.index();
    GenerationInfo g = index.info();
    String published = index.published().orElse(null);
    RetrievalMode mode = served.semantic().mode(index);
    return new IndexStatus(g.name(), g.builtAt(), g.buildMillis(), g.documents().size(), g.passages(),
        g.corpusFingerprint(), g.configFingerprint(), published, !g.name().equals(published),
        new IndexStatus.Retrieval(mode.name(), mode.reason(), g.vectorModel(), models.state().name().toLowerCase(java.util.Locale.ROOT)));
  }

  /**
   * The name of the generation being served: the ETag of catalogue answers and suggestions, read on every
   * keystroke, so it does not read the index folder's {@code CURRENT} as {@link #status()} does.
   */
  @Override
  public String servedGeneration() {
    return generation().name();
  }

  /** What is being served. */
  public GenerationInfo generation() {
    return current.get().index().info();
  }

  @Override
  public SearchResponse search(SearchRequest request) {
    long started = System.nanoTime();
    Served served = acquire();
    try {
      SearchResponse kept = served.answers().get(request);
      if (kept != null) {
        return kept.tookNow(started);
      }
      SearchResponse answer = new Execution(served, request, started).run();
      served.answers().put(request, answer);
      return answer;
    } catch (org.apache.lucene.search.IndexSearcher.TooManyClauses e) {
      throw new InvalidRequestException("q", "q has too many words and expansions to search at once; use fewer words");
    } catch (IOException e) {
      throw new UncheckedIOException("search failed on " + served.index().info().name(), e);
    } finally {
      served.index().release();
    }
  }

  /**
   * The ids of the best {@code n} passages for a query, ranked exactly as {@link #search} ranks them, with
   * no snippets or facets: for evaluation runs over thousands of queries.
   */
  @Override
  public List<String> rankIds(String query, int n) {
    Served served = acquire();
    try {
      SearchRequest request = new SearchRequest(query, 1, 0, List.of(), List.of(), false);
      RequestValidator.validate(request, served);
      Execution execution = new Execution(served, request, System.nanoTime());
      StoredFields stored = served.index().searcher().storedFields();
      List<String> ids = new ArrayList<>();
      for (ResultShaper.Shaped s : execution.ranked(n)) {
        ids.add(stored.document(s.candidate().doc(), ID_ONLY).get(Fields.ID));
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException("search failed on " + served.index().info().name(), e);
    } finally {
      served.index().release();
    }
  }

  private Served acquire() {
    while (true) {
      Served served = current.get();
      if (served.index().acquire()) {
        return served;
      }
      // It closed between the read and the acquire: a swap happened, read again.
    }
  }

  @Override
  public void close() {
    Served last = current.getAndSet(null);
    if (last != null) {
      last.index().close();
    }
  }

  private static final java.util.Set<String> ID_ONLY = java.util.Set.of(Fields.ID);

  /** One search on one generation. */
  private static final class Execution {
    private final Served served;
    private final OpenIndex index;
    private final SearchRequest request;
    private final long started;

    Execution(Served served, SearchRequest request, long started) {
      this.served = served;
      this.index = served.index();
      this.request = request;
      this.started = started;
    }

    private ParsedQuery meaning;
    private Query words;
    private Fusion fusion;
    private Query query;
    private Query restriction;
    private Semantic.Fused fused;
    private List<Concept> concepts;
    private ConceptMatcher conceptMatcher;

    /**
     * Reads the query once, corrects it, finds the tags it names, and builds the Lucene query from that:
     * the words, and the passages nearest in meaning when the generation and the model allow.
     */
    private void prepare() throws IOException {
      PreparedQueries.Prepared prepared = served.prepared().of(request.query());
      meaning = prepared.meaning();
      words = prepared.words();
      QueryFactory factory = served.queries();
      Query lexical = factory.filtered(prepared.scored(), request.tags(), request.sources());
      restriction = factory.restriction(words, meaning, request.tags(), request.sources());
      fusion = served.semantic().fuse(index, index.searcher(), meaning, prepared.contentWords(), lexical, restriction);
      concepts = prepared.concepts();
    }

    /**
     * The first collection ({@link FusedCollection}); sets the query as searched (heading stubs demoted) and
     * what the hits are matched against for coverage.
     */
    private FusedCollection.Collected collect(IndexSearcher searcher, int depth, boolean facets) throws IOException {
      FusedCollection.Collected collected = FusedCollection.collect(searcher, index.searcher(), fusion, depth, facets,
          served.queries()::demotingStubs);
      fused = collected.fused();
      query = fused.query();
      conceptMatcher = new ConceptMatcher(concepts, served.conceptQueries(), fused::foundByMeaning);
      return collected;
    }

    /** The best {@code n} hits after duplicate folding and source diversity (no facets, no time limit). */
    List<ResultShaper.Shaped> ranked(int n) throws IOException {
      prepare();
      int window = index.config().ranking().window();
      int depth = Ranking.firstDepth(n, window);
      TopDocs top = collect(index.searcher(), depth, false).top();
      return new Ranking(served.shaper(), concepts, window,
          new LuceneCandidates(index.searcher(), query, top, depth, conceptMatcher)).best(n);
    }

    SearchResponse run() throws IOException {
      RequestValidator.validate(request, served);
      prepare();
      QueryFactory factory = served.queries();
      int window = index.config().ranking().window();
      int depth = Ranking.firstDepth(request.offset() + request.limit(), window);
      // Matching stops at the time limit, counted from when matching starts (a cold first search spends its
      // first second loading classes and word lists, and would otherwise answer nothing, marked partial);
      // what was found by then is answered, marked partial.
      IndexSearcher timed = index.searcher(System.nanoTime() + index.config().ranking().timeLimitMillis() * 1_000_000L);
      FusedCollection.Collected result = collect(timed, depth, true);
      TopDocs top = result.top();
      StoredFields stored = index.searcher().storedFields();
      // Every page is cut from the same ranking, shaped as deep as this page needs.
      Ranking ranking = new Ranking(served.shaper(), concepts, window,
          new LuceneCandidates(timed, query, top, depth, conceptMatcher));
      List<ResultShaper.Shaped> best = ranking.best(request.offset() + request.limit());
      List<ResultShaper.Shaped> page = best.size() <= request.offset()
          ? List.of()
          : best.subList(request.offset(), best.size());
      // Duplicates folded in the first window leave the total and the facets, on every page alike.
      List<ResultShaper.Candidate> folded = ranking.foldedInWindow();

      // Each hit's stored fields read once: the snippets are marked in the text read for the hit.
      int[] pageDocs = page.stream().mapToInt(s -> s.candidate().doc()).toArray();
      Document[] docs = new Document[pageDocs.length];
      for (int i = 0; i < docs.length; i++) {
        docs[i] = stored.document(pageDocs[i]);
      }
      // Found by a tag the query names, not by its words: the words that earned the tag, marked.
      List<String> named = meaning.tags().named();
      String[] snippets = served.snippets().of(request.query(), words,
          (marked, text) -> served.tagSnippet().finish(marked, text, named), pageDocs,
          Arrays.stream(docs).map(d -> d.get(Fields.TEXT)).toArray(String[]::new));
      List<SearchHit> hits = new ArrayList<>(page.size());
      for (int i = 0; i < page.size(); i++) {
        ResultShaper.Shaped s = page.get(i);
        Document doc = docs[i];
        ScoreExplanation why = request.explain()
            ? ScoreExplanation.of(index.searcher().explain(query, s.candidate().doc()))
                .noting(Arrays.stream(doc.getValues(Fields.INHERITED)).map(v -> "tag " + v).toList())
            : null;
        String snippet = snippets[i];
        if (!snippet.contains("<mark>") && fused.foundByMeaning(s.candidate().doc()) && i < QueryMeaning.MEANING_SNIPPETS) {
          // Nothing in it matched a word or a named tag: its sentence nearest the query, by the same model.
          snippet = served.semantic().snippet(doc.get(Fields.TEXT), fused.vector(),
              index.config().ranking().snippetMaxLength()).orElse(snippet);
        }
        HitCoverage covers = conceptMatcher.concepts().isEmpty()
            ? null
            : HitCoverage.of(conceptMatcher.concepts(), s.candidate().coverage(), this::tagLabel);
        hits.add(hit(doc, request.offset() + i + 1, s.score(), snippet, covers, why));
      }
      Map<String, Map<String, Integer>> facets =
          FacetCounts.of(index.facetState(), result.facets(), folded);
      QueryUnderstanding understood = request.explain()
          ? new QueryUnderstanding(meaning.searched(), factory.plainTerms(meaning), factory.expansions(meaning),
              meaning.corrections(), meaning.tags().named(), meaning.tags().implied(), fused.mode().name(),
              fused.mode().reason())
          : null;
      return new SearchResponse(
          request.query(),
          meaning.corrections().isEmpty() ? null : meaning.searched(),
          top.totalHits.value() - folded.size(),
          SearchResponse.millisSince(started),
          coverage(page),
          hits,
          facets,
          index.info().name(),
          understood,
          timed.timedOut() ? Boolean.TRUE : null);
    }

    /**
     * The query's concepts, and whether a passage among the results mentions them all: one shown does, or
     * else one found in the index within the search's filters and exclusions.
     */
    private QueryCoverage coverage(List<ResultShaper.Shaped> page) throws IOException {
      return QueryCoverage.ofPage(conceptMatcher.concepts(), page.stream().map(s -> s.candidate().coverage()).toList(),
          () -> conceptMatcher.anyMentionsAll(restriction),
          !request.tags().isEmpty() || !request.sources().isEmpty());
    }

    private String tagLabel(String id) {
      return index.config().tags().find(id).map(TagDefinition::label).orElse(id);
    }

    private SearchHit hit(Document doc, int rank, float score, String snippet, HitCoverage covers, ScoreExplanation why) {
      List<String> headings = Arrays.stream(doc.getFields(Fields.HEADING)).map(IndexableField::stringValue).toList();
      List<String> tags = Arrays.asList(doc.getValues(Fields.TAG));
      DocumentMetadata source = served.catalog().metadata(doc.get(Fields.SOURCE));
      return new SearchHit(
          doc.get(Fields.ID),
          rank,
          score,
          doc.get(Fields.TEXT),
          snippet,
          headings.isEmpty() ? null : headings.get(headings.size() - 1),
          headings,
          tags,
          SourceRef.of(source),
          new SearchHit.Offsets(
              doc.getField(Fields.START).numericValue().intValue(),
              doc.getField(Fields.END).numericValue().intValue()),
          covers,
          why);
    }

  }
}
