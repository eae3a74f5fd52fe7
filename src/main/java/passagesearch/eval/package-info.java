/** Relevance evaluation: judged query sets (the seed set, BEIR collections), metrics and reports; plain Java, may import ingest and Jackson, never Lucene or Javalin. */
package passagesearch.eval;
