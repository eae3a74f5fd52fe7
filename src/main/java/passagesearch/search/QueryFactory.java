package passagesearch.search;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import passagesearch.config.RankingSettings;
import passagesearch.index.Fields;

/**
 * Turns a request into a Lucene query: the typed words through {@link SimpleQueryParser} (which never
 * fails on what a person types) over text, headings and title with their weights, then tag and source
 * filters, then set-aside material left out unless a requested tag brings it back.
 */
final class QueryFactory {
  private final Analyzer analyzer;
  private final RankingSettings ranking;
  private final Set<String> setAsideTags;

  QueryFactory(Analyzer analyzer, RankingSettings ranking, Set<String> setAsideTags) {
    this.analyzer = analyzer;
    this.ranking = ranking;
    this.setAsideTags = setAsideTags;
  }

  /** The scored part alone: what the words match, without filters (the highlighter's query). */
  Query words(String text) {
    Map<String, Float> weights = Map.of(
        Fields.TEXT, ranking.textWeight(),
        Fields.HEADINGS, ranking.headingsWeight(),
        Fields.TITLE, ranking.titleWeight());
    SimpleQueryParser parser = new SimpleQueryParser(analyzer, weights);
    parser.setDefaultOperator(Occur.SHOULD);
    Query parsed = parser.parse(text);
    return parsed == null ? new MatchNoDocsQuery("no searchable words") : parsed;
  }

  Query filtered(Query words, Collection<String> tags, Collection<String> sources) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(words, Occur.MUST);
    for (String tag : tags) {
      b.add(new TermQuery(new Term(Fields.TAG, tag)), Occur.FILTER);
    }
    if (!sources.isEmpty()) {
      b.add(new TermInSetQuery(Fields.SOURCE, sources.stream().map(BytesRef::new).toList()), Occur.FILTER);
    }
    for (String aside : setAsideTags) {
      if (!tags.contains(aside)) {
        b.add(new TermQuery(new Term(Fields.TAG, aside)), Occur.MUST_NOT);
      }
    }
    return b.build();
  }
}
