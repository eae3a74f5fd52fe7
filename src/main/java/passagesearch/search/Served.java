package passagesearch.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import passagesearch.config.IndexConfig;
import passagesearch.config.RankingSettings;
import passagesearch.index.Fields;
import passagesearch.index.OpenIndex;

/** A generation being served, with the query tools built once for it. */
record Served(
    OpenIndex index,
    QueryFactory queries,
    TagSnippet tagSnippet,
    ResultShaper shaper,
    Catalog catalog,
    Lazy<Suggester> suggester,
    Snippets snippets,
    ResultCache answers,
    Semantic semantic,
    ConceptQueries conceptQueries,
    PreparedQueries prepared) {
  /** What one of the generation's kept tables holds, with the counts since the service started. */
  KeptTableStats kept(KeptTable table) {
    return switch (table) {
      case QUERY_VECTORS -> semantic.vectorCache();
      case SENTENCE_VECTORS -> semantic.sentenceCache();
      case QUERY_READINGS -> prepared.stats();
      case CONCEPT_QUERIES -> conceptQueries.stats();
      case CONCEPT_MATCHES -> conceptQueries.matchStats();
      case SNIPPETS -> snippets.stats();
    };
  }

  /**
   * The tools for a generation; {@code english} is the process's word list, {@code cacheCounters} its answer
   * cache's counts and {@code kept} its other tables', all shared by every generation.
   */
  static Served of(OpenIndex index, passagesearch.embed.ModelSlot models, EnglishWords english, CacheCounters cacheCounters,
      KeptCounters kept) {
    IndexConfig config = index.config();
    var ranking = config.ranking();
    Catalog catalog = new Catalog(index);
    SpellCorrector speller =
        SpellCorrector.of(new IndexLexicon(index.searcher().getIndexReader(), index.analyzer()), config, english);
    QueryFactory queries =
        new QueryFactory(index.analyzer(), index.expandingAnalyzer(), ranking, config.tags().setAsideTags());
    TagRecognizer tags = new TagRecognizer(config.tags());
    ConceptReader concepts = new ConceptReader(config.tags(), index.analyzer());
    return new Served(
        index,
        queries,
        new TagSnippet(config.tags(), ranking.snippetMaxLength()),
        new ResultShaper(ranking.duplicateOverlap(), ranking.sameSourceDecay(), ranking.coverage()),
        catalog,
        // Built on the first keystroke rather than when the generation opens: it walks the whole vocabulary.
        new Lazy<>(() -> new Suggester(config.tags(), catalog.headings(), index.searcher().getIndexReader())),
        new Snippets(index, kept.of(KeptTable.SNIPPETS)),
        new ResultCache(ranking.cacheEntries(), ResultCache.maxBytes(Runtime.getRuntime().maxMemory()), cacheCounters),
        new Semantic(QueryMeaning.of(config, models, speller::knows, kept)),
        conceptQueries(index, ranking, kept),
        new PreparedQueries(speller, tags, queries, concepts, index.searcher(), kept.of(KeptTable.QUERY_READINGS)));
  }

  /** Concepts matched in the fields the search matches words in. */
  static ConceptQueries conceptQueries(OpenIndex index, RankingSettings ranking, KeptCounters kept) {
    Map<String, Float> fields = new LinkedHashMap<>();
    fields.put(Fields.TEXT, 1f);
    if (ranking.headingsWeight() > 0) {
      fields.put(Fields.HEADINGS, 1f);
    }
    if (ranking.titleWeight() > 0) {
      fields.put(Fields.TITLE, 1f);
    }
    return new ConceptQueries(index.analyzer(), index.expandingAnalyzer(), new QueryTranslator(index.analyzer(), fields),
        List.copyOf(fields.keySet()), index.searcher().getIndexReader(), kept);
  }
}
