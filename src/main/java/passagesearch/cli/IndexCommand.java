package passagesearch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import passagesearch.config.ConfigLoader;
import passagesearch.config.IndexConfig;
import passagesearch.index.GenerationInfo;
import passagesearch.ingest.CorpusReader;
import passagesearch.embed.ModelSlot;
import passagesearch.opensearch.BulkWriter;
import passagesearch.opensearch.OpenSearchEngine;

final class IndexCommand implements Callable<Integer> {
  static final CommandSyntax SYNTAX = new CommandSyntax("index",
      "Build a new index generation from the corpus and publish it.",
      CommandSyntax.join(Locations.OPTIONS, EngineOptions.OPTIONS, List.of(Option.flag("--strict",
          "Fail when any file or line of the corpus cannot be read, instead of skipping it."))), null, List.of());

  private final Locations at;
  private final EngineOptions engine;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean strict;

  IndexCommand(Arguments args, PrintWriter out, PrintWriter err) {
    this.at = new Locations(args);
    this.engine = new EngineOptions(args);
    this.out = out;
    this.err = err;
    this.strict = args.flag("--strict");
  }

  /** The embedded index's vector cache, shared by the cluster's builds: a passage is embedded once. */
  private java.nio.file.Path vectorCache() {
    return at.vectorCache != null ? at.vectorCache : at.index.resolve(passagesearch.index.Pipeline.VECTOR_CACHE);
  }

  @Override
  public Integer call() {
    StopSignals.install(); // Ctrl-C ends a build at once: what it wrote is never served (the index stays as it was)
    if (engine.openSearch()) {
      IndexConfig config = new ConfigLoader().load(at.config, at.ranking);
      try (ModelSlot models = ModelSlot.of(config.semantic());
          OpenSearchEngine search = engine.connect(config, engine.alias, models, vectorCache())) {
        BulkWriter.Built built = search.build(new CorpusReader(config.limits(), strict).folder(at.corpus), engine.shards, engine.replicas,
            err::println);
        built.report().warnings().forEach(w -> err.println("warning: " + w));
        built.report().skipped().forEach(w -> err.println("skipped: " + w));
        out.printf("Indexed %d passages from %d documents into OpenSearch index %s (alias %s) in %d ms.%n",
            built.passages(), built.documents(), built.generation(), engine.alias, built.millis());
      }
      return 0;
    }
    Bootstrap.Rebuilt rebuilt = new Bootstrap(at, err, strict).rebuild();
    GenerationInfo info = rebuilt.info();
    out.printf("Indexed %d passages from %d documents (%d skipped) into %s in %d ms.%n",
        info.passages(), info.documents().size(), rebuilt.skipped(), at.index.resolve(info.name()), info.buildMillis());
    return 0;
  }
}
