package passagesearch.search;

import java.util.List;
import java.util.Map;

/**
 * How a query was understood, for {@code explain=true}.
 *
 * @param searched the text searched (the query, corrected where a word was misspelt)
 * @param terms the indexed terms the words became (after spelling variants, stop words, stemming)
 * @param expansions terms added by synonyms and drug brands
 * @param corrections misspelt words and what they were corrected to
 * @param tags tags the query names; passages with them are lifted
 * @param impliedTags tags those imply (a drug's class); passages with them are lifted less
 * @param mode {@code hybrid} when passages were found by words and by meaning, {@code lexical} by words alone
 * @param modeReason why the search was lexical; null when hybrid
 */
public record QueryUnderstanding(
    String searched,
    List<String> terms,
    List<String> expansions,
    Map<String, String> corrections,
    List<String> tags,
    List<String> impliedTags,
    String mode,
    String modeReason) {}
