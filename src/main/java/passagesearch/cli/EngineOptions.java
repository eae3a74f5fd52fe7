package passagesearch.cli;

import java.nio.file.Path;
import java.util.List;
import passagesearch.config.IndexConfig;
import passagesearch.embed.ModelSlot;
import passagesearch.opensearch.OpenSearchEngine;

/** Which engine serves: the embedded Lucene index (the default) or an OpenSearch cluster; for serve, index and eval. */
final class EngineOptions {
  static final List<Option> OPTIONS = List.of(
      Option.value("--engine", "ENGINE", "lucene (the embedded index, in --index) or opensearch (a cluster, at "
          + "--opensearch; env PASSAGE_SEARCH_ENGINE).").env("PASSAGE_SEARCH_ENGINE").orElse("lucene"),
      Option.value("--opensearch", "URLS", "The OpenSearch nodes, comma-separated (env PASSAGE_SEARCH_OPENSEARCH).")
          .env("PASSAGE_SEARCH_OPENSEARCH").orElse("http://localhost:9200"),
      Option.value("--opensearch-alias", "NAME", "The alias generations are served under; each is an index "
          + "<alias>-<time> (env PASSAGE_SEARCH_OPENSEARCH_ALIAS).").env("PASSAGE_SEARCH_OPENSEARCH_ALIAS")
          .orElse(OpenSearchEngine.DEFAULT_ALIAS),
      Option.value("--shards", "N", "Primary shards of a new OpenSearch generation.").orElse("2"),
      Option.value("--replicas", "N", "Replicas of each shard of a new OpenSearch generation.").orElse("1"));

  final Engine engine;
  final String urls;
  final String alias;
  final int shards;
  final int replicas;

  EngineOptions(Arguments args) {
    engine = args.choice("--engine", Engine.class);
    urls = args.text("--opensearch");
    alias = args.text("--opensearch-alias");
    shards = args.integer("--shards");
    replicas = args.integer("--replicas");
  }

  enum Engine { lucene, opensearch }

  boolean openSearch() {
    return engine == Engine.opensearch;
  }

  OpenSearchEngine connect(IndexConfig config) {
    return connect(config, alias);
  }

  OpenSearchEngine connect(IndexConfig config, String aliasName) {
    return OpenSearchEngine.connect(urls, config, aliasName);
  }

  /**
   * A client that searches by meaning with {@code models} where the served generation has vectors, and
   * builds generations with vectors kept in {@code vectorCache} (the embedded build's cache, shared).
   */
  OpenSearchEngine connect(IndexConfig config, String aliasName, ModelSlot models, Path vectorCache) {
    return OpenSearchEngine.connect(urls, config, aliasName, models, vectorCache);
  }
}
