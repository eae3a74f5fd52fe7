package passagesearch.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import passagesearch.bench.BenchCorpus;
import passagesearch.index.Fields;
import passagesearch.index.OpenIndex;
import passagesearch.query.ParsedQuery;

/**
 * The in-process search path, one stage at a time, over a real index and the corpus's evaluation
 * queries (each call takes the next query, so a score is the mean over the query mix):
 *
 * <ol>
 *   <li>{@code queryBuilding}: spelling correction, tag recognition and the Lucene query, as a search
 *       prepares it;
 *   <li>{@code search}: the Lucene search with the facet collector, over the re-ranking window;
 *   <li>{@code shaping}: the window's source and trigram doc values read and re-ranked (duplicates, source
 *       diversity);
 *   <li>{@code facets}: tag and source counts from the collected matches;
 *   <li>{@code snippets}: the first page's texts read and marked by the highlighter;
 *   <li>{@code json}: the response serialised as the server does (a plain Jackson ObjectMapper);
 *   <li>{@code endToEnd}: {@link SearchService#search}, all of the above but JSON.
 * </ol>
 *
 * <p>The stages mirror {@code SearchService.Execution}; it lives in this package to reach the
 * package-private query tools of {@link Served}. The production JVM flags are given by bench/run.sh.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 3, time = 1)
public class SearchPathBenchmark {
  /**
   * The index and the queries (at most {@code bench.queries.max} of them, default all); each call takes
   * the next query.
   */
  @State(Scope.Benchmark)
  public static class Index {
    /** Which corpus and queries: {@code seed} or {@code scifact} (see {@link BenchCorpus}). */
    @Param({"seed"})
    public String corpus;

    OpenIndex index;
    String[] queries;
    int next;

    @Setup(Level.Trial)
    public void open() {
      BenchCorpus c = BenchCorpus.named(corpus);
      // bench/run.sh hands over the indexes it built and served; alone, the benchmark builds its own.
      index = c.openIndex(Path.of(System.getProperty("bench.index." + corpus, "target/bench-work/jmh-index-" + corpus)));
      List<String> all = c.queries();
      queries = all.subList(0, Math.min(all.size(), Integer.getInteger("bench.queries.max", all.size())))
          .toArray(String[]::new);
    }

    @TearDown(Level.Trial)
    public void close() {
      index.close();
    }

    String nextQuery() {
      String q = queries[next];
      next = (next + 1) % queries.length;
      return q;
    }
  }

  /**
   * The query tools of the generation, as the server builds them once per generation. A fork holds
   * either these or a {@link Service} (which builds its own), never both, so its heap holds what the
   * server's does.
   */
  @State(Scope.Benchmark)
  public static class Tools {
    Index ix;
    Served served;

    @Setup(Level.Trial)
    public void build(Index ix) {
      this.ix = ix;
      served = Served.of(ix.index, passagesearch.embed.ModelSlot.off("the benchmark measures the lexical path"), new EnglishWords(), new CacheCounters(), new KeptCounters());
    }

    /** The query read, corrected and tagged: what every later step reads. */
    ParsedQuery understand(String typed) throws IOException {
      return served.prepared().meaning(typed);
    }

    Query build(ParsedQuery meaning, Query words) {
      QueryFactory factory = served.queries();
      return factory.filtered(factory.scored(words, meaning), List.of(), List.of());
    }

    FacetsCollectorManager.FacetsResult collect(Query query) throws IOException {
      int window = Math.max(ix.index.config().ranking().window(), SearchRequest.DEFAULT_LIMIT);
      return FacetsCollectorManager.search(ix.index.searcher(), query, window, new FacetsCollectorManager());
    }

    List<ResultShaper.Candidate> candidates(TopDocs top) throws IOException {
      return ResultShaper.candidates(ix.index.searcher(), top, ConceptMatcher.none(ix.index.searcher()));
    }
  }

  /** The search service over the index, as the HTTP layer calls it. */
  @State(Scope.Benchmark)
  public static class Service {
    SearchService service;

    @Setup(Level.Trial)
    public void start(Index ix) {
      // Not closed here: closing the service closes the index, which Index does.
      service = new SearchService(ix.index);
    }
  }

  /** Per query, what each later stage takes as input, made once by the stages before it. */
  @State(Scope.Benchmark)
  public static class Stages {
    record Input(Query words, Query query, FacetsCollectorManager.FacetsResult collected, int[] page) {}

    Input[] inputs;
    int next;

    @Setup(Level.Trial)
    public void prepare(Index ix, Tools t) throws IOException {
      inputs = new Input[ix.queries.length];
      for (int i = 0; i < inputs.length; i++) {
        ParsedQuery meaning = t.understand(ix.queries[i]);
        Query words = t.served.queries().words(meaning);
        Query query = t.build(meaning, words);
        FacetsCollectorManager.FacetsResult collected = t.collect(query);
        List<ResultShaper.Shaped> hits = t.served.shaper().shape(t.candidates(collected.topDocs()), List.of()).hits();
        int[] page = hits.subList(0, Math.min(SearchRequest.DEFAULT_LIMIT, hits.size())).stream()
            .mapToInt(s -> s.candidate().doc())
            .toArray();
        inputs[i] = new Input(words, query, collected, page);
      }
    }

    Input next() {
      Input in = inputs[next];
      next = (next + 1) % inputs.length;
      return in;
    }
  }

  /** Each query's response, for serialisation. */
  @State(Scope.Benchmark)
  public static class Responses {
    final ObjectMapper json = new ObjectMapper();
    SearchResponse[] responses;
    int next;

    @Setup(Level.Trial)
    public void answer(Index ix, Service s) {
      responses = new SearchResponse[ix.queries.length];
      for (int i = 0; i < responses.length; i++) {
        responses[i] = s.service.search(SearchRequest.of(ix.queries[i]));
      }
    }

    SearchResponse next() {
      SearchResponse r = responses[next];
      next = (next + 1) % responses.length;
      return r;
    }
  }

  @Benchmark
  public Query queryBuilding(Index ix, Tools t) throws IOException {
    ParsedQuery meaning = t.understand(ix.nextQuery());
    return t.build(meaning, t.served.queries().words(meaning));
  }

  @Benchmark
  public FacetsCollectorManager.FacetsResult search(Tools t, Stages st) throws IOException {
    return t.collect(st.next().query());
  }

  @Benchmark
  public ResultShaper.Result shaping(Tools t, Stages st) throws IOException {
    return t.served.shaper().shape(t.candidates(st.next().collected().topDocs()), List.of());
  }

  @Benchmark
  public Map<String, Map<String, Integer>> facets(Index ix, Stages st) throws IOException {
    return FacetCounts.of(ix.index.facetState(), st.next().collected().facetsCollector(), List.of());
  }

  @Benchmark
  public String[] snippets(Index ix, Tools t, Stages st) throws IOException {
    Stages.Input in = st.next();
    // The texts read as the search reads them, once per hit, for the hit and its snippet.
    StoredFields stored = ix.index.searcher().storedFields();
    String[] texts = new String[in.page().length];
    for (int i = 0; i < texts.length; i++) {
      texts[i] = stored.document(in.page()[i]).get(Fields.TEXT);
    }
    return t.served.snippets().marked(in.words(), in.page(), texts);
  }

  @Benchmark
  public byte[] json(Responses r) throws IOException {
    return r.json.writeValueAsBytes(r.next());
  }

  @Benchmark
  public SearchResponse endToEnd(Index ix, Service s) {
    return s.service.search(SearchRequest.of(ix.nextQuery()));
  }
}
