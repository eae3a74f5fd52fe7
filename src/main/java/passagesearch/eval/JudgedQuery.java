package passagesearch.eval;

/**
 * A query with judgments.
 *
 * @param id the query's id in the judgments
 * @param text what a reader types
 * @param kind what the query tests (drug, brand, acronym, spelling, question, typo, topic; "beir")
 * @param split "tune" (parameters may be chosen on it) or "heldout" (reported, never tuned on)
 */
public record JudgedQuery(String id, String text, String kind, String split) {}
