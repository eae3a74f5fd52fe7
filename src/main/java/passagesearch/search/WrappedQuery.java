package passagesearch.search;

import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * A query that is another query asked another way ({@link WeighedOnce}: its weight kept; {@link HighlightedTerm}:
 * its matches read with reused enums): it matches, shows and compares as the query it wraps, so visitors see that
 * query's terms and two wrappings of equal queries are equal.
 */
abstract class WrappedQuery<Q extends Query> extends Query {
  /** The query wrapped. */
  protected final Q wrapped;

  protected WrappedQuery(Q wrapped) {
    this.wrapped = wrapped;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    wrapped.visit(visitor);
  }

  @Override
  public String toString(String field) {
    return wrapped.toString(field);
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && wrapped.equals(((WrappedQuery<?>) other).wrapped);
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + wrapped.hashCode();
  }
}
