package passagesearch.ingest;

/**
 * What a source says about itself. Dates are ISO-8601 days as the page states them; any field the page
 * does not state is null, never guessed.
 *
 * @param id stable id, used in passage ids and filters
 * @param file the file name inside the corpus folder
 * @param title the page's title
 * @param publisher who published the page
 * @param author who wrote it, where named
 * @param url where the page lives, where the text gives it
 * @param updated the "updated" date the page states
 * @param reviewed the "reviewed" date the page states
 * @param nextReview the "next review" date the page states
 */
public record DocumentMetadata(
    String id,
    String file,
    String title,
    String publisher,
    String author,
    String url,
    String updated,
    String reviewed,
    String nextReview) {}
