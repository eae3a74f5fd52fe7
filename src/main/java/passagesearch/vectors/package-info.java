/**
 * Passage vectors for a build, whichever engine it writes: what the model reads of a passage, the vector
 * cache kept between builds, and whether a build gets vectors at all. Plain Java over the embedding room;
 * may import config, ingest and embed, never Lucene, Javalin, OpenSearch or the engines' rooms.
 */
package passagesearch.vectors;
