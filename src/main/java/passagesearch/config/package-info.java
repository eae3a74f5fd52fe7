/** The index configuration read from {@code index-config/}: plain records and their loader; imports Jackson only, never Lucene or Javalin. */
package passagesearch.config;
