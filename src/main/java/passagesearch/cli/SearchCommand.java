package passagesearch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import passagesearch.search.SearchHit;
import passagesearch.search.SearchRequest;
import passagesearch.search.SearchResponse;
import passagesearch.search.SearchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "search", mixinStandardHelpOptions = true,
    description = "Search the index and print ranked passages with their sources.")
final class SearchCommand implements Callable<Integer> {
  @Mixin Locations at;
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "WORDS", description = "What to search for.")
  List<String> words;

  @Option(names = {"-n", "--limit"}, defaultValue = "5", description = "Hits to show (1-50). Default: ${DEFAULT-VALUE}")
  int limit;

  @Option(names = "--tag", description = "Only passages with this tag (repeatable).")
  List<String> tags = List.of();

  @Option(names = "--source", description = "Only passages from this document id (repeatable).")
  List<String> sources = List.of();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (SearchService service = new Bootstrap(at, spec.commandLine().getErr()).open(true, true);
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
