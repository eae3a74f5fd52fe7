/** The commands (serve, index, search, eval, health) that wire the other rooms together; never imports Lucene or Javalin directly. */
package passagesearch.cli;
