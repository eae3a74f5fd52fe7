package passagesearch.index;

import java.io.IOException;
import org.apache.lucene.analysis.CharacterUtils;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Lower-cases every token but keywords, as Lucene's {@code LowerCaseFilter} does (the same
 * {@link CharacterUtils#toLowerCase}). Right after {@code SetKeywordMarkerFilter} over the acronyms, the
 * keywords are exactly the tokens spelled as an acronym, so this is what
 * {@code ProtectedTermFilter(acronyms, LowerCaseFilter)} gives, without a second look-up of every token in
 * the acronyms and the conditional filter's saving and restoring of each token's state (issue 14: the
 * analysis chain is about half of an index build).
 */
final class LowerCaseUnlessKeywordFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

  LowerCaseUnlessKeywordFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (!keyword.isKeyword()) {
      CharacterUtils.toLowerCase(term.buffer(), 0, term.length());
    }
    return true;
  }
}
