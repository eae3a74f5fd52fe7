package passagesearch.cli;

import java.nio.file.Path;
import java.util.List;

/** Where the corpus, the index configuration and the index live; shared by every command. */
final class Locations {
  static final List<Option> OPTIONS = List.of(
      Option.value("--corpus", "DIR", "Corpus folder (env PASSAGE_SEARCH_CORPUS).")
          .env("PASSAGE_SEARCH_CORPUS").orElse("corpus"),
      Option.value("--config", "DIR", "Index configuration folder (env PASSAGE_SEARCH_CONFIG).")
          .env("PASSAGE_SEARCH_CONFIG").orElse("index-config"),
      Option.value("--ranking", "FILE",
          "A ranking profile to use instead of the configuration's ranking.yaml (env PASSAGE_SEARCH_RANKING).")
          .env("PASSAGE_SEARCH_RANKING"),
      Option.value("--vector-cache", "DIR", "Where builds keep passage vectors for the next build (env "
          + "PASSAGE_SEARCH_VECTOR_CACHE); vector-cache/ in the index folder unless given. Several index folders may "
          + "share one.").env("PASSAGE_SEARCH_VECTOR_CACHE"),
      Option.value("--index", "DIR", "Index folder (env PASSAGE_SEARCH_INDEX).")
          .env("PASSAGE_SEARCH_INDEX").orElse("data/index"));

  final Path corpus;
  final Path config;
  final Path ranking;
  final Path vectorCache;
  final Path index;

  Locations(Arguments args) {
    corpus = args.path("--corpus");
    config = args.path("--config");
    ranking = args.path("--ranking");
    vectorCache = args.path("--vector-cache");
    index = args.path("--index");
  }
}
