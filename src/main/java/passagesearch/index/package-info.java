/** Passages to an on-disk Lucene index generation: field names, analyzer, writing, opening, publishing; may import Lucene, config and ingest, never Javalin. */
package passagesearch.index;
