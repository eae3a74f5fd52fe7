/** Files to source documents to tagged passages: corpus loading, manifest, splitting, chrome rules, tagging; plain Java, may import config and Jackson, never Lucene or Javalin. */
package passagesearch.ingest;
