/** The HTTP surface: routes, parameter validation, JSON errors, the static page; may import Javalin, Micrometer (the only room that does: other rooms' counts reach /metrics as records) and the search room's records, never Lucene. */
package passagesearch.http;
