package passagesearch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import passagesearch.search.SearchHit;
import passagesearch.search.SearchRequest;
import passagesearch.search.SearchResponse;
import passagesearch.search.SearchService;

final class SearchCommand implements Callable<Integer> {
  static final CommandSyntax SYNTAX = new CommandSyntax("search",
      "Search the index and print ranked passages with their sources.",
      CommandSyntax.join(Locations.OPTIONS, List.of(
          Option.value("--limit", "N", "Hits to show (1-50).").alias("-n").orElse("5"),
          Option.value("--tag", "TAG", "Only passages with this tag (repeatable).").allowRepeats(),
          Option.value("--source", "ID", "Only passages from this document id (repeatable).").allowRepeats())),
      "WORDS", List.of());

  private final Locations at;
  private final PrintWriter out;
  private final PrintWriter err;
  private final List<String> words;
  private final int limit;
  private final List<String> tags;
  private final List<String> sources;

  SearchCommand(Arguments args, PrintWriter out, PrintWriter err) {
    this.at = new Locations(args);
    this.out = out;
    this.err = err;
    this.words = args.words();
    this.limit = args.integer("--limit");
    this.tags = args.list("--tag");
    this.sources = args.list("--source");
  }

  @Override
  public Integer call() {
    try (SearchService service = new Bootstrap(at, err).open(true, true);
        passagesearch.embed.ModelSlot models = service.models()) {
      SearchResponse r = service.search(new SearchRequest(String.join(" ", words), limit, 0, tags, sources, false));
      if (r.corrected() != null) {
        out.printf("Showing results for \"%s\"%n", r.corrected());
      }
      out.printf("%d passages match \"%s\" (%.1f ms)%n", r.total(), r.query(), r.tookMillis());
      for (SearchHit hit : r.hits()) {
        out.printf("%n%d. %s  [%.2f]%n", hit.rank(), hit.id(), hit.score());
        String publisher = hit.source().publisher() == null ? "publisher not stated" : hit.source().publisher();
        out.printf("   %s: %s%s%n", publisher, hit.source().title(),
            hit.headings().isEmpty() ? "" : " > " + String.join(" > ", hit.headings()));
        out.printf("   %s%n", plain(hit.snippet()));
      }
    }
    return 0;
  }

  /** The snippet for a terminal: marks shown as *word*, HTML entities decoded. */
  static String plain(String snippet) {
    return snippet.replace("<mark>", "*").replace("</mark>", "*").replace("\n", " ")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#x27;", "'")
        .replace("&#39;", "'").replace("&#x2F;", "/").replace("&amp;", "&");
  }
}
