/** A search request to a ranked, highlighted, faceted response over an open index, built from the query's model (passagesearch.query), and the engine-neutral steps the OpenSearch engine shares (concepts, ranking and shaping, coverage, tag snippets, topic weights); may import Lucene, config, ingest records, index and query, never Javalin. */
package passagesearch.search;
