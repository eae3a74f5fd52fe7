/** The generation being served over time: rebuild jobs, publish and swap, rollback; may import config, ingest, index and search, never Javalin. */
package passagesearch.serving;
