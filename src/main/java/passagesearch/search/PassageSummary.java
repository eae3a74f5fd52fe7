package passagesearch.search;

import java.util.List;

/** A passage as a document lists it: where it stands, what it says, how it is tagged. */
public record PassageSummary(
    String id, int ordinal, String section, List<String> headings, String text, List<String> tags, SearchHit.Offsets offsets) {}
