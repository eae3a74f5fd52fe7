/** A search request to a ranked, highlighted, faceted response over an open index, built from the query's model (passagesearch.query); may import Lucene, config, ingest records, index and query, never Javalin. */
package passagesearch.search;
