/** The picocli commands (serve, index, search) that wire the other rooms together; never imports Lucene or Javalin directly. */
package passagesearch.cli;
