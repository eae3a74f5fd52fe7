package passagesearch.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the corpus, the index configuration and the index live; shared by every command. */
final class Locations {
  @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "${env:PASSAGE_SEARCH_CORPUS:-corpus}",
      description = "Corpus folder (env PASSAGE_SEARCH_CORPUS). Default: ${DEFAULT-VALUE}")
  Path corpus;

  @Option(names = "--config", paramLabel = "DIR", defaultValue = "${env:PASSAGE_SEARCH_CONFIG:-index-config}",
      description = "Index configuration folder (env PASSAGE_SEARCH_CONFIG). Default: ${DEFAULT-VALUE}")
  Path config;

  @Option(names = "--ranking", paramLabel = "FILE", defaultValue = "${env:PASSAGE_SEARCH_RANKING}",
      description = "A ranking profile to use instead of the configuration's ranking.yaml (env PASSAGE_SEARCH_RANKING).")
  Path ranking;

  @Option(names = "--vector-cache", paramLabel = "DIR", defaultValue = "${env:PASSAGE_SEARCH_VECTOR_CACHE}",
      description = {"Where builds keep passage vectors for the next build (env PASSAGE_SEARCH_VECTOR_CACHE).",
          "Default: vector-cache/ in the index folder. Several index folders may share one."})
  Path vectorCache;

  @Option(names = "--index", paramLabel = "DIR", defaultValue = "${env:PASSAGE_SEARCH_INDEX:-data/index}",
      description = "Index folder (env PASSAGE_SEARCH_INDEX). Default: ${DEFAULT-VALUE}")
  Path index;
}
