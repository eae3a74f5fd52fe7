package passagesearch.cli;

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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Score a judged query set: nDCG@10, MRR@10, Recall@10 of the system and of a plain BM25",
        "baseline (English analyzer, no expansions) over the same passages, in the same process."})
final class EvalCommand implements Callable<Integer> {
  @Mixin Locations at;
  @Mixin EngineOptions engine;
  @Spec CommandSpec spec;

  @Option(names = "--judged", paramLabel = "DIR", defaultValue = "eval/seed",
      description = "The seed set's folder (queries.jsonl, judgments.jsonl). Default: ${DEFAULT-VALUE}")
  Path judged;

  @Option(names = "--beir", paramLabel = "DIR",
      description = "Evaluate a BEIR collection instead (corpus.jsonl, queries*.jsonl, qrels/*.tsv), by document.")
  Path beir;

  @Option(names = "--split", description = "Seed: tune, heldout or all (default heldout). BEIR: the qrels split (default test).")
  String split;

  @Option(names = "--eval-index", paramLabel = "DIR", defaultValue = "data/eval",
      description = "Where BEIR indexes are built and kept. Default: ${DEFAULT-VALUE}")
  Path evalIndex;

  @Option(names = "--k1", description = "Override ranking.yaml's bm25.k1 for this run (tuning).")
  Float k1;

  @Option(names = "--b", description = "Override ranking.yaml's bm25.b for this run (tuning).")
  Float b;

  @Option(names = "--per-query", description = "Print each query's nDCG@10, system and baseline.")
  boolean perQuery;

  /** With --engine opensearch: the same set over the cluster, printed after the embedded engine's figures. */
  private Evaluation.Report openSearch;

  /**
   * The same judged set ranked by the OpenSearch engine, over a generation of its own (alias
   * {@code <alias>-eval-<set>}, built when missing or stale), so evaluating never moves the served alias.
   */
  private Evaluation.Report overOpenSearch(IndexConfig config, DocumentSource corpus, String name, JudgedSet set,
      Evaluation.Ranker system, Evaluation.Ranker baseline) {
    try (OpenSearchEngine os = engine.connect(config, engine.alias + "-eval-" + name)) {
      if (!os.isFresh(corpus.fingerprint())) {
        spec.commandLine().getErr().println("Indexing " + name + " into OpenSearch ...");
        os.build(corpus, engine.shards, engine.replicas);
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
    Evaluation.Report report = beir == null ? seed(config) : beir(config);
    if (openSearch != null) {
      spec.commandLine().getOut().println("Embedded Lucene engine:");
    }
    Evaluation.print(report, spec.commandLine().getOut(), perQuery);
    if (openSearch != null) {
      spec.commandLine().getOut().println();
      spec.commandLine().getOut().println("OpenSearch engine (" + engine.urls + "):");
      Evaluation.print(openSearch, spec.commandLine().getOut(), perQuery);
    }
    return 0;
  }

  /**
   * The seed corpus streamed once for the judgments and the baseline (each document's passages and title
   * kept, its text forgotten), and indexed through the pipeline when its index is missing or stale.
   */
  private Evaluation.Report seed(IndexConfig config) {
    Pipeline pipeline = new Pipeline(config, evalIndex.resolve("seed"), Pipeline.Sink.NONE);
    CorpusFolder corpus = pipeline.corpus(at.corpus, false);
    Ingest ingest = new Ingest(config);
    Map<String, List<Passage>> passages = new LinkedHashMap<>();
    Map<String, String> titles = new LinkedHashMap<>();
    corpus.walk((document, warnings) -> {
      passages.put(document.id(), ingest.passages(document));
      titles.put(document.id(), titleOf(document));
    });
    JudgedSet set = JudgedSets.seed(judged, passages).split(split == null ? "heldout" : split);
    pipeline.buildIfStale(corpus);
    try (SearchService system = new SearchService(pipeline.openCurrent());
        Baseline baseline = new Baseline(baselineDocs(passages, titles, config), 1.2f, 0.75f)) {
      if (engine.openSearch()) {
        openSearch = overOpenSearch(config, corpus, "seed", set, null, baseline::rank);
      }
      return Evaluation.run(set,
          system::rankIds,
          baseline::rank);
    }
  }

  private Evaluation.Report beir(IndexConfig config) {
    String splitName = split == null ? "test" : split;
    if (!Files.isDirectory(beir)) {
      throw new CorpusException("BEIR folder not found: " + beir);
    }
    for (Path needed : List.of(beir.resolve("corpus.jsonl"), beir.resolve("qrels").resolve(splitName + ".tsv"))) {
      if (!Files.isRegularFile(needed)) {
        throw new CorpusException(beir + " is not a BEIR collection: " + needed + " is missing");
      }
    }
    List<SourceDocument> documents = JudgedSets.beirCorpus(beir.resolve("corpus.jsonl"));
    Corpus corpus = new Corpus(documents, List.of(), List.of(), Fingerprints.ofFolder(beir));
    JudgedSet set = JudgedSets.beir(beir, splitName);
    Pipeline pipeline = new Pipeline(config, evalIndex.resolve(beir.getFileName().toString()), Pipeline.Sink.NONE);
    if (!pipeline.store().isFresh(corpus, config)) {
      spec.commandLine().getErr().println("Indexing " + documents.size() + " documents of " + beir + " ...");
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
    try (SearchService system = new SearchService(pipeline.openCurrent());
        Baseline baseline = new Baseline(baselineDocs(passages, titles, config), 0.9f, 0.4f)) {
      Evaluation.Ranker byDocs = (q, k) -> documentsOf(baseline.rank(q, 100), k);
      if (engine.openSearch()) {
        openSearch = overOpenSearch(config, corpus, beir.getFileName().toString().toLowerCase(java.util.Locale.ROOT),
            set, (q, k) -> List.of(), byDocs);
      }
      return Evaluation.run(set, (q, k) -> byDocument(system, q, k), byDocs);
    }
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
