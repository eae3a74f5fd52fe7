package passagesearch.cli;

import java.util.concurrent.Callable;
import passagesearch.config.ConfigLoader;
import passagesearch.config.IndexConfig;
import passagesearch.index.GenerationInfo;
import passagesearch.ingest.CorpusReader;
import passagesearch.embed.ModelSlot;
import passagesearch.opensearch.BulkWriter;
import passagesearch.opensearch.OpenSearchEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "index", mixinStandardHelpOptions = true,
    description = "Build a new index generation from the corpus and publish it.")
final class IndexCommand implements Callable<Integer> {
  @Mixin Locations at;
  @Mixin EngineOptions engine;
  @Spec CommandSpec spec;

  @picocli.CommandLine.Option(names = "--strict", description = "Fail when any file or line of the corpus cannot be read, instead of skipping it.")
  boolean strict;

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
            spec.commandLine().getErr()::println);
        built.report().warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        built.report().skipped().forEach(w -> spec.commandLine().getErr().println("skipped: " + w));
        spec.commandLine().getOut().printf("Indexed %d passages from %d documents into OpenSearch index %s (alias %s) in %d ms.%n",
            built.passages(), built.documents(), built.generation(), engine.alias, built.millis());
      }
      return 0;
    }
    Bootstrap.Rebuilt rebuilt = new Bootstrap(at, spec.commandLine().getErr(), strict).rebuild();
    GenerationInfo info = rebuilt.info();
    spec.commandLine().getOut().printf("Indexed %d passages from %d documents (%d skipped) into %s in %d ms.%n",
        info.passages(), info.documents().size(), rebuilt.skipped(), at.index.resolve(info.name()), info.buildMillis());
    return 0;
  }
}
