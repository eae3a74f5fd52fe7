package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The request records check their own values; each failure names the parameter and what is allowed. */
class RequestRecordsTest {
  private static SearchRequest search(String q, int limit, int offset, List<String> tags, List<String> sources) {
    return new SearchRequest(q, limit, offset, tags, sources, false);
  }

  private static void refused(String parameter, String message, Executable build) {
    InvalidRequestException e = assertThrows(InvalidRequestException.class, build);
    assertEquals(parameter, e.parameter());
    assertEquals(message, e.getMessage());
  }

  @Test
  void aSearchNeedsWords() {
    String required = "q is required: the words to search for, e.g. blinatumomab side effects";
    refused("q", required, () -> search(null, 10, 0, List.of(), List.of()));
    refused("q", required, () -> search("", 10, 0, List.of(), List.of()));
    refused("q", required, () -> search(" \t ", 10, 0, List.of(), List.of()));
    refused("q", "q is 2001 characters; at most 2000 are allowed",
        () -> search("a".repeat(2001), 10, 0, List.of(), List.of()));
    assertEquals(2000, search("a".repeat(2000), 10, 0, List.of(), List.of()).query().length());
  }

  @Test
  void aSearchPageIsBounded() {
    refused("limit", "limit must be between 1 and 50, not 0", () -> search("x", 0, 0, List.of(), List.of()));
    refused("limit", "limit must be between 1 and 50, not 51", () -> search("x", 51, 0, List.of(), List.of()));
    refused("offset", "offset must be between 0 and 1000, not -1", () -> search("x", 10, -1, List.of(), List.of()));
    refused("offset", "offset must be between 0 and 1000, not 1001", () -> search("x", 10, 1001, List.of(), List.of()));
    SearchRequest edges = search("x", 50, 1000, List.of(), List.of());
    assertEquals(List.of(50, 1000), List.of(edges.limit(), edges.offset()));
    assertEquals(1, search("x", 1, 0, List.of(), List.of()).limit());
  }

  @Test
  void tagsAndSourcesAreFewAndShort() {
    List<String> many = Collections.nCopies(21, "all");
    refused("tag", "tag may be given at most 20 times, not 21", () -> search("x", 10, 0, many, List.of()));
    refused("source", "source may be given at most 20 times, not 21", () -> search("x", 10, 0, List.of(), many));
    refused("tag", "tag must not be empty", () -> search("x", 10, 0, List.of("all", " "), List.of()));
    refused("source", "source must not be empty", () -> search("x", 10, 0, List.of(), List.of("")));
    refused("source", "source is 301 characters; at most 300 are allowed",
        () -> search("x", 10, 0, List.of(), List.of("s".repeat(301))));
    refused("tag", "tag is 301 characters; at most 300 are allowed",
        () -> search("x", 10, 0, List.of("t".repeat(301)), List.of()));
    assertEquals(20, search("x", 10, 0, Collections.nCopies(20, "t".repeat(300)), List.of()).tags().size());
    assertEquals(List.of(), search("x", 10, 0, null, null).sources(), "absent is none");
  }

  @Test
  void aSuggestionNeedsAShortPrefix() {
    refused("q", "q is required: the start of a word, e.g. blin", () -> new SuggestRequest(null, 8));
    refused("q", "q is required: the start of a word, e.g. blin", () -> new SuggestRequest("  ", 8));
    refused("q", "q is 101 characters; at most 100 are allowed", () -> new SuggestRequest("b".repeat(101), 8));
    refused("limit", "limit must be between 1 and 20, not 0", () -> new SuggestRequest("blin", 0));
    refused("limit", "limit must be between 1 and 20, not 21", () -> new SuggestRequest("blin", 21));
    assertEquals(20, new SuggestRequest("b".repeat(100), 20).limit());
  }

  @Test
  void aListingPageIsBounded() {
    refused("offset", "offset must be between 0 and 1000000, not -1", () -> new Page(-1, 50));
    refused("offset", "offset must be between 0 and 1000000, not 1000001", () -> new Page(1_000_001, 50));
    refused("limit", "limit must be between 1 and 100, not 0", () -> new Page(0, 0));
    refused("limit", "limit must be between 1 and 100, not 101", () -> new Page(0, 101));
    assertEquals(new Page(1_000_000, 100), new Page(1_000_000, 100));
  }

  @Test
  void theNextPageStopsAtTheTotalAndAtTheLastOffsetThatMayBeAskedFor() {
    assertEquals(new Page(7, 7), new Page(0, 7).next(20));
    assertEquals(null, new Page(14, 7).next(21));
    assertEquals(new Page(1_000_000, 100), new Page(999_900, 100).next(2_000_000));
    assertEquals(null, new Page(1_000_000, 100).next(2_000_000));
  }
}
