package passagesearch.serving;

/**
 * A rebuild and how it went.
 *
 * @param id the job's id
 * @param state queued, running, succeeded or failed
 * @param startedAt ISO-8601 instant the job was accepted
 * @param finishedAt ISO-8601 instant it ended, or null
 * @param message what happened, in words (the failure's reason for a failed job)
 * @param generation the generation it published, or null
 * @param documents documents indexed so far
 * @param passages passages indexed so far
 * @param documentsTotal documents to index, once known (progress is documents / documentsTotal)
 */
public record RebuildJob(
    String id, State state, String startedAt, String finishedAt, String message, String generation, int documents,
    int passages, int documentsTotal) {

  /** Where a job stands. */
  public enum State {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED
  }
}
