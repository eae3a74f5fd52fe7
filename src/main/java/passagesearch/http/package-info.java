/** The HTTP surface: routes, parameter validation, JSON errors, the static page; may import Javalin and the search room's records, never Lucene. */
package passagesearch.http;
