package passagesearch.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import passagesearch.config.ConfigLoader;
import passagesearch.config.Fingerprints;
import passagesearch.config.IndexConfig;
import passagesearch.config.SemanticSettings;
import passagesearch.embed.ModelSlot;
import passagesearch.eval.Evaluation;
import passagesearch.eval.JudgedSet;
import passagesearch.eval.JudgedSets;
import passagesearch.index.Pipeline;
import passagesearch.ingest.Corpus;
import passagesearch.ingest.CorpusException;
import passagesearch.ingest.CorpusFolder;
import passagesearch.ingest.Ingest;
import passagesearch.ingest.Passage;
import passagesearch.ingest.SourceDocument;
import passagesearch.ingest.DocumentSource;
import passagesearch.opensearch.OpenSearchEngine;
import passagesearch.search.Baseline;
import passagesearch.search.SearchService;

final class EvalCommand implements Callable<Integer> {
  static final CommandSyntax SYNTAX = new CommandSyntax("eval",
      "Score a judged query set: nDCG@10, MRR@10, Recall@10 of the system and of a plain BM25 baseline (English "
          + "analyzer, no expansions) over the same passages, in the same process.",
      CommandSyntax.join(Locations.OPTIONS, EngineOptions.OPTIONS, List.of(
          Option.value("--judged", "DIR", "The seed set's folder (queries.jsonl, judgments.jsonl).")
              .orElse("eval/seed"),
          Option.value("--beir", "DIR",
              "Evaluate a BEIR collection instead (corpus.jsonl, queries*.jsonl, qrels/*.tsv), by document."),
          Option.value("--split", "SPLIT",
              "Seed: tune, heldout or all (default heldout). BEIR: the qrels split (default test)."),
          Option.value("--eval-index", "DIR", "Where BEIR indexes are built and kept.").orElse("data/eval"),
          Option.value("--k1", "K1", "Override ranking.yaml's bm25.k1 for this run (tuning)."),
          Option.value("--b", "B", "Override ranking.yaml's bm25.b for this run (tuning)."),
          Option.flag("--per-query", "Print each query's nDCG@10, system and baseline."),
          Option.flag("--suite", "Every collection in one table: the seed set, SciFact and the four MedQuAD "
              + "collections under --data; per collection the plain baseline, lexical and hybrid, with nDCG@10, "
              + "MRR@10, Recall@10 and the time per query. --split train (the seed's tune half) or test (its "
              + "held-out half; default)."),
          Option.value("--data", "DIR", "Where --suite finds scifact/ and medquad/*/ (BEIR layout).")
              .orElse("../shared/data"),
          Option.value("--semantic-weight", "W", "Override semantic.yaml's fusion.weight for this run (tuning)."),
          Option.value("--semantic-full-words", "N",
              "Override semantic.yaml's fusion.fullWeightWords for this run (tuning)."),
          Option.value("--semantic-candidates", "N",
              "Override semantic.yaml's fusion.candidates for this run (tuning)."),
          Option.value("--semantic-min-similarity", "S",
              "Override semantic.yaml's fusion.minSimilarity for this run (tuning)."),
          Option.flag("--lexical", "Evaluate words alone, with no embedding model, whatever semantic.yaml says."))),
      null, List.of());

  private final Locations at;
  private final EngineOptions engine;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Path judged;
  private final Path beir;
  private final String split;
  private final Path evalIndex;
  private final Float k1;
  private final Float b;
  private final boolean perQuery;
  private final boolean suite;
  private final Path data;
  private final Float semanticWeight;
  private final Integer semanticFullWords;
  private final Integer semanticCandidates;
  private final Float semanticMinSimilarity;
  private final boolean lexicalOnly;

  EvalCommand(Arguments args, PrintWriter out, PrintWriter err) {
    this.at = new Locations(args);
    this.engine = new EngineOptions(args);
    this.out = out;
    this.err = err;
    this.judged = args.path("--judged");
    this.beir = args.path("--beir");
    this.split = args.text("--split");
    this.evalIndex = args.path("--eval-index");
    this.k1 = args.decimal("--k1");
    this.b = args.decimal("--b");
    this.perQuery = args.flag("--per-query");
    this.suite = args.flag("--suite");
    this.data = args.path("--data");
    this.semanticWeight = args.decimal("--semantic-weight");
    this.semanticFullWords = args.integer("--semantic-full-words");
    this.semanticCandidates = args.integer("--semantic-candidates");
    this.semanticMinSimilarity = args.decimal("--semantic-min-similarity");
    this.lexicalOnly = args.flag("--lexical");
  }

  /** With --engine opensearch: the same set over the cluster, printed after the embedded engine's figures. */
  private Evaluation.Report openSearch;

  /**
   * The same judged set ranked by the OpenSearch engine, over a generation of its own (alias
   * {@code <alias>-eval-<set>}, built when missing or stale), so evaluating never moves the served alias.
   */
  private Evaluation.Report overOpenSearch(IndexConfig config, ModelSlot models, DocumentSource corpus, String name,
      JudgedSet set, Evaluation.Ranker system, Evaluation.Ranker baseline) {
    // The same model and vector cache as the embedded evaluation index: a collection is embedded once.
    try (OpenSearchEngine os = engine.connect(config, engine.alias + "-eval-" + name, models,
        at.vectorCache != null ? at.vectorCache : evalIndex.resolve(Pipeline.VECTOR_CACHE))) {
      if (!os.isFresh(corpus.fingerprint())) {
        err.println("Indexing " + name + " into OpenSearch ...");
        os.build(corpus, engine.shards, engine.replicas, err::println);
      }
      return Evaluation.run(set, system == null ? os::rankIds : (q, k) -> documentsOf(os.rankIds(q, 100), k), baseline);
    }
  }

  @Override
  public Integer call() {
    IndexConfig config = new ConfigLoader().load(at.config, at.ranking);
    if (k1 != null || b != null) {
      config = config.withRanking(config.ranking().withBm25(
          k1 == null ? config.ranking().k1() : k1, b == null ? config.ranking().b() : b));
    }
    if (semanticWeight != null) {
      config = config.withSemantic(config.semantic().withWeight(semanticWeight));
    }
    if (semanticFullWords != null) {
      config = config.withSemantic(config.semantic().withFullWeightWords(semanticFullWords));
    }
    if (semanticCandidates != null || semanticMinSimilarity != null) {
      SemanticSettings s = config.semantic();
      config = config.withSemantic(s.withCandidates(semanticCandidates == null ? s.candidates() : semanticCandidates,
          semanticMinSimilarity == null ? s.minSimilarity() : semanticMinSimilarity));
    }
    if (lexicalOnly) {
      config = config.withSemantic(config.semantic().withEnabled(false));
    }
    try (ModelSlot models = ModelSlot.of(config.semantic())) {
      if (config.semantic().enabled()) {
        // Searches by words and meaning are measured with the model, not in the seconds it takes to load.
        models.await();
      }
      if (suite) {
        Evaluation.printSuite(suite(config, models), out);
        return 0;
      }
      Collection c = beir == null ? seed(config, models, split == null ? "heldout" : split) : beir(config, models, beir,
          split == null ? "test" : split);
      try (SearchService system = new SearchService(c.pipeline().openCurrent(), models);
          Baseline baseline = c.baseline()) {
        Evaluation.Report report = Evaluation.run(c.set(), c.ranker(system), c.baselineRanker(baseline));
        if (engine.openSearch()) {
          out.println("Embedded Lucene engine:");
        }
        Evaluation.print(report, out, perQuery);
        if (engine.openSearch()) {
          Evaluation.Report overCluster = overOpenSearch(config, models, c.corpus(), c.name().toLowerCase(java.util.Locale.ROOT),
              c.set(), c.byDocument() ? (q, k) -> List.of() : null, c.baselineRanker(baseline));
          out.println();
          out.println("OpenSearch engine (" + engine.urls + "):");
          Evaluation.print(overCluster, out, perQuery);
        }
      }
      return 0;
    }
  }

  /** Every collection: built when missing or stale, then ranked by the baseline, words alone, and words and meaning. */
  private List<Evaluation.SuiteRow> suite(IndexConfig config, ModelSlot models) {
    String half = split == null ? "test" : split;
    if (!half.equals("train") && !half.equals("test")) {
      throw new CorpusException("--suite takes --split train or --split test, not " + half);
    }
    List<Evaluation.SuiteRow> rows = new ArrayList<>();
    List<Path> beirs = new ArrayList<>();
    beirs.add(data.resolve("scifact"));
    for (String m : List.of("nhlbi", "niddk", "ninds", "seniorhealth")) {
      beirs.add(data.resolve("medquad").resolve(m));
    }
    List<Collection> collections = new ArrayList<>();
    collections.add(seed(config, models, half.equals("train") ? "tune" : "heldout"));
    for (Path dir : beirs) {
      if (Files.isDirectory(dir)) {
        collections.add(beir(config, models, dir, half));
      } else {
        err.println("warning: " + dir + " not found; left out of the suite");
      }
    }
    for (Collection c : collections) {
      try (SearchService lexical = new SearchService(c.pipeline().openCurrent());
          SearchService hybrid = new SearchService(c.pipeline().openCurrent(), models);
          Baseline baseline = c.baseline()) {
        Evaluation.Measured base = Evaluation.measure(c.set(), c.baselineRanker(baseline));
        Evaluation.Measured lex = Evaluation.measure(c.set(), c.ranker(lexical));
        Evaluation.Measured hyb = config.semantic().enabled() ? Evaluation.measure(c.set(), c.ranker(hybrid)) : null;
        rows.add(new Evaluation.SuiteRow(c.name(), c.split(), base, lex, hyb));
      }
    }
    return rows;
  }

  /**
   * A judged collection ready to rank: its index built, its baseline's passages read.
   *
   * @param byDocument whether judgments name documents (BEIR) rather than passages (the seed set)
   */
  private record Collection(String name, String split, JudgedSet set, DocumentSource corpus, Pipeline pipeline,
      List<Baseline.Doc> docs, float baselineK1, float baselineB, boolean byDocument) {
    Baseline baseline() {
      return new Baseline(docs, baselineK1, baselineB);
    }

    Evaluation.Ranker ranker(SearchService system) {
      return byDocument ? (q, k) -> EvalCommand.byDocument(system, q, k) : system::rankIds;
    }

    Evaluation.Ranker baselineRanker(Baseline baseline) {
      return byDocument ? (q, k) -> documentsOf(baseline.rank(q, 100), k) : baseline::rank;
    }
  }

  /**
   * Passage vectors are shared by all the evaluation indexes, so a collection is embedded once: in
   * {@code --vector-cache} when given (another evaluation folder's cache, say), else in the evaluation folder.
   */
  private Pipeline pipeline(IndexConfig config, ModelSlot models, String name) {
    return new Pipeline(config, evalIndex.resolve(name), Pipeline.Sink.NONE, models)
        .withVectorCache(at.vectorCache != null ? at.vectorCache : evalIndex.resolve(Pipeline.VECTOR_CACHE));
  }

  /**
   * The seed corpus streamed once for the judgments and the baseline (each document's passages and title
   * kept, its text forgotten), and indexed through the pipeline when its index is missing or stale.
   */
  private Collection seed(IndexConfig config, ModelSlot models, String half) {
    Pipeline pipeline = pipeline(config, models, "seed");
    CorpusFolder corpus = pipeline.corpus(at.corpus, false);
    Ingest ingest = new Ingest(config);
    Map<String, List<Passage>> passages = new LinkedHashMap<>();
    Map<String, String> titles = new LinkedHashMap<>();
    corpus.walk((document, warnings) -> {
      passages.put(document.id(), ingest.passages(document));
      titles.put(document.id(), titleOf(document));
    });
    JudgedSet set;
    try {
      set = JudgedSets.seed(judged, passages).split(half);
    } catch (IllegalArgumentException e) {
      throw new CorpusException("--split: " + e.getMessage());
    }
    pipeline.buildIfStale(corpus);
    return new Collection("seed", half, set, corpus, pipeline, baselineDocs(passages, titles, config), 1.2f, 0.75f, false);
  }

  private Collection beir(IndexConfig config, ModelSlot models, Path dir, String splitName) {
    if (!Files.isDirectory(dir)) {
      throw new CorpusException("BEIR folder not found: " + dir);
    }
    for (Path needed : List.of(dir.resolve("corpus.jsonl"), dir.resolve("qrels").resolve(splitName + ".tsv"))) {
      if (!Files.isRegularFile(needed)) {
        throw new CorpusException(dir + " is not a BEIR collection: " + needed + " is missing");
      }
    }
    List<SourceDocument> documents = JudgedSets.beirCorpus(dir.resolve("corpus.jsonl"));
    Corpus corpus = new Corpus(documents, List.of(), List.of(), Fingerprints.ofFolder(dir));
    JudgedSet set = JudgedSets.beir(dir, splitName);
    String name = dir.getParent() != null && dir.getParent().getFileName().toString().equals("medquad")
        ? "medquad-" + dir.getFileName() : dir.getFileName().toString();
    Pipeline pipeline = pipeline(config, models, name);
    if (!pipeline.store().isFresh(corpus, config)) {
      err.println("Indexing " + documents.size() + " documents of " + dir + " ...");
    }
    pipeline.buildIfStale(corpus);
    Ingest ingest = new Ingest(config);
    Map<String, List<Passage>> passages = new LinkedHashMap<>();
    Map<String, String> titles = new LinkedHashMap<>();
    documents.forEach(d -> {
      passages.put(d.id(), ingest.passages(d));
      titles.put(d.id(), titleOf(d));
    });
    // The published BM25 baseline for BEIR: English analyzer, k1 = 0.9, b = 0.4, title and text in one field.
    return new Collection(name, splitName, set, corpus, pipeline, baselineDocs(passages, titles, config), 0.9f, 0.4f, true);
  }

  /** A document ranks where its best passage ranks. */
  private static List<String> byDocument(SearchService system, String query, int k) {
    return documentsOf(system.rankIds(query, 100), k);
  }

  private static List<String> documentsOf(List<String> passageIds, int k) {
    Set<String> docs = new LinkedHashSet<>();
    for (String id : passageIds) {
      docs.add(id.substring(0, id.lastIndexOf('/')));
      if (docs.size() == k) {
        break;
      }
    }
    return new ArrayList<>(docs);
  }

  private static String titleOf(SourceDocument document) {
    return document.metadata().title() == null ? "" : document.metadata().title();
  }

  /** The same passages as the system's, set-aside material left out as the system leaves it out. */
  private static List<Baseline.Doc> baselineDocs(
      Map<String, List<Passage>> passages, Map<String, String> titles, IndexConfig config) {
    Set<String> aside = config.tags().setAsideTags();
    List<Baseline.Doc> docs = new ArrayList<>();
    passages.forEach((docId, list) -> list.stream()
        .filter(p -> p.tags().stream().noneMatch(aside::contains))
        .forEach(p -> docs.add(new Baseline.Doc(p.id(),
            titles.get(docId) + "\n" + String.join("\n", p.headings()) + "\n" + p.text()))));
    return docs;
  }

}
