/**
 * The OpenSearch engine: the same passages, language and answers served from an OpenSearch cluster instead of
 * the embedded Lucene index. Index analysis settings generated from {@code index-config/}, the mapping, the
 * bulk writer fed by the ingest pipeline, the one translator from the query model to OpenSearch's query DSL,
 * alias-based generations, and the {@link passagesearch.search.SearchEngine} that answers with the search
 * room's records, shaped by the search room's engine-neutral steps (concepts, ranking, coverage, tag snippets).
 * The only package that imports {@code org.opensearch}; never Lucene or Javalin.
 */
package passagesearch.opensearch;
