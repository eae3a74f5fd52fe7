package passagesearch.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One ranked passage with everything needed to say where it came from.
 *
 * @param id the passage id
 * @param rank 1-based rank in the whole result list
 * @param score the relevance score after diversity re-ranking (comparable within one response only)
 * @param text the passage's words, plain
 * @param snippet the best sentences, HTML-escaped, with matches in {@code <mark>} and no other markup
 * @param section the nearest heading, or null
 * @param headings the heading path, outermost first
 * @param tags the passage's tags
 * @param source the document it comes from
 * @param offsets where it stands in the source text
 * @param coverage which of the query's concepts it mentions, how, and which not (absent when the query has no
 *     concepts, or the engine does not say)
 * @param explanation why it scored as it did (with {@code explain=true} only)
 */
public record SearchHit(
    String id,
    int rank,
    float score,
    String text,
    String snippet,
    String section,
    List<String> headings,
    List<String> tags,
    SourceRef source,
    Offsets offsets,
    @JsonInclude(JsonInclude.Include.NON_NULL) HitCoverage coverage,
    @JsonInclude(JsonInclude.Include.NON_NULL) ScoreExplanation explanation) {

  /** Character offsets (UTF-16 code units) of the passage in its source file's text. */
  public record Offsets(int start, int end) {}
}
