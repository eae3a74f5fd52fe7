/** A search request to a ranked, highlighted, faceted response over an open index; may import Lucene, config, ingest records and index, never Javalin. */
package passagesearch.search;
