/**
 * What a query means, worked out once: {@link passagesearch.query.QueryParser} reads what a person typed
 * (words, {@code "quoted phrases"}, {@code -exclusions}, {@code a OR b} and {@code a | b}, {@code +}, brackets,
 * {@code word*}, {@code word~1}, {@code "a phrase"~3}; nothing typed is a syntax error) into an immutable
 * {@link passagesearch.query.ParsedQuery}: clauses over {@link passagesearch.query.Node}s, the words as typed,
 * their corrections and the tags the query names. Spelling, tag recognition, the Lucene translator, the
 * highlighter and {@code explain} all read this model; none of them reads the raw string again. Its
 * {@link passagesearch.query.Concept}s, the things it asks about as a reader names them (a tag its words name,
 * a quoted phrase, a content word), are read from it too, and how its operands join (operators read left to
 * right, an exclusion among optional words excluding for real) is {@link passagesearch.query.Joining}'s, which
 * each engine's translator only writes in its own terms. Plain Java: may import nothing of the project, never
 * Lucene or Javalin.
 */
package passagesearch.query;
