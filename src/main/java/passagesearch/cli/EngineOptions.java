package passagesearch.cli;

import java.nio.file.Path;
import passagesearch.config.IndexConfig;
import passagesearch.embed.ModelSlot;
import passagesearch.opensearch.OpenSearchEngine;
import picocli.CommandLine.Option;

/** Which engine serves: the embedded Lucene index (the default) or an OpenSearch cluster; for serve, index and eval. */
final class EngineOptions {
  @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "${env:PASSAGE_SEARCH_ENGINE:-lucene}",
      description = "lucene (the embedded index, in --index) or opensearch (a cluster, at --opensearch; env PASSAGE_SEARCH_ENGINE). Default: ${DEFAULT-VALUE}")
  Engine engine;

  @Option(names = "--opensearch", paramLabel = "URLS", defaultValue = "${env:PASSAGE_SEARCH_OPENSEARCH:-http://localhost:9200}",
      description = "The OpenSearch nodes, comma-separated (env PASSAGE_SEARCH_OPENSEARCH). Default: ${DEFAULT-VALUE}")
  String urls;

  @Option(names = "--opensearch-alias", paramLabel = "NAME", defaultValue = "${env:PASSAGE_SEARCH_OPENSEARCH_ALIAS:-" + OpenSearchEngine.DEFAULT_ALIAS + "}",
      description = "The alias generations are served under; each is an index <alias>-<time> (env PASSAGE_SEARCH_OPENSEARCH_ALIAS). Default: ${DEFAULT-VALUE}")
  String alias;

  @Option(names = "--shards", defaultValue = "2", description = "Primary shards of a new OpenSearch generation. Default: ${DEFAULT-VALUE}")
  int shards;

  @Option(names = "--replicas", defaultValue = "1", description = "Replicas of each shard of a new OpenSearch generation. Default: ${DEFAULT-VALUE}")
  int replicas;

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
