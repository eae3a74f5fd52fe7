package passagesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.junit.jupiter.api.Test;
import passagesearch.TestSupport;
import passagesearch.config.IndexConfig;

/**
 * The chain's exact tokens, positions and offsets for a dozen inputs, in each of its three variants, over the
 * project's vocabulary. Written from the chain as it stood before issue 14 moved it into one class: the move
 * must change none of them.
 */
class PassageAnalyzerTest {
  static final String[] INPUTS = {
    "ALL and all: the ALL patient's bone marrow",
    "Ph+ ALL, CNS and CNSL relapse in TKIs",
    "Leukaemia, leukaemias and leukaemic Tumours",
    "Paediatric haematologists' behaviour at the centre",
    "side effects3 of imatinib2 in 2024",
    "CAR-T and T-cell therapy, anti-CD52",
    "revumenibis and blinatumomabwith Gleevec",
    "What happens if I need a stem cell transplant?",
    "Is ALL in the CNS? What about all of it?",
    "The patient's doctor's notes: no CRS, some nausea",
    "AML aml Aml ALL's oedema anaemia",
    "bone marrow transplant for chronic myeloid leukaemia and Glivec"
  };

  static final String EXPECTED = """
      ALL and all: the ALL patient's bone marrow
        index:    ALL@0[0,3] all@2[8,11] ALL@4[17,20] patient@5[21,30] bone@6[31,35] marrow@7[36,42] end@7[42]
        query:    ALL@0[0,3] all@2[8,11] ALL@4[17,20] patient@5[21,30] bone@6[31,35] marrow@7[36,42] end@7[42]
        expanded: acut@0[0,3] acut@0[0,3]/3 acut@0[0,3]/5 ALL@0[0,3]/7 lymphoblast@1[0,3] leukemia@2[0,3]/5 lymphocyt@3[0,3] leukemia@4[0,3]/3 lymphat@5[0,3] leukemia@6[0,3] all@8[8,11] acut@10[17,20] acut@10[17,20]/3 acut@10[17,20]/5 ALL@10[17,20]/7 lymphoblast@11[17,20] leukemia@12[17,20]/5 lymphocyt@13[17,20] leukemia@14[17,20]/3 lymphat@15[17,20] leukemia@16[17,20] patient@17[21,30] bone@18[31,35] marrow@19[36,42] end@19[42]
      Ph+ ALL, CNS and CNSL relapse in TKIs
        index:    ph@0[0,2] ALL@1[4,7] CNS@2[9,12] CNSL@4[17,21] relaps@5[22,29] TKIs@7[33,37] end@7[37]
        query:    ph@0[0,2] ALL@1[4,7] CNS@2[9,12] CNSL@4[17,21] relaps@5[22,29] TKIs@7[33,37] end@7[37]
        expanded: philadelphia@0[0,7] philadelphia@0[0,7]/2 ph@0[0,2]/4 posit@1[0,7]/4 chromosom@2[0,7] posit@3[0,7]/2 ALL@4[4,7] central@5[9,12] CNS@5[9,12]/3 nervou@6[9,12] system@7[9,12] central@9[17,21] CNSL@9[17,21]/4 nervou@10[17,21] system@11[17,21] leukemia@12[17,21] come@13[22,29] come@13[22,29]/2 come@13[22,29]/3 return@13[22,29]/4 recurr@13[22,29]/4 recur@13[22,29]/4 relaps@13[22,29]/4 back@14[22,29]/3 back@15[22,29]/2 back@16[22,29] tyrosin@18[33,37] TKIs@18[33,37]/3 kinas@19[33,37] inhibitor@20[33,37] end@20[37]
      Leukaemia, leukaemias and leukaemic Tumours
        index:    leukemia@0[0,9] leukemia@1[11,21] leukem@3[26,35] tumor@4[36,43] end@4[43]
        query:    leukemia@0[0,9] leukemia@1[11,21] leukem@3[26,35] tumor@4[36,43] end@4[43]
        expanded: leukemia@0[0,9] leukemia@1[11,21] leukem@3[26,35] tumor@4[36,43] end@4[43]
      Paediatric haematologists' behaviour at the centre
        index:    pediatr@0[0,10] hematologist@1[11,25] behavior@2[27,36] center@5[44,50] end@5[50]
        query:    pediatr@0[0,10] hematologist@1[11,25] behavior@2[27,36] center@5[44,50] end@5[50]
        expanded: children@0[0,10] child@0[0,10] childhood@0[0,10] pediatr@0[0,10] hematologist@1[11,25] behavior@2[27,36] center@5[44,50] end@5[50]
      side effects3 of imatinib2 in 2024
        index:    side@0[0,4] effect@1[5,12] 3@2[12,13] imatinib@4[17,25] 2@5[25,26] 2024@7[30,34] end@7[34]
        query:    side@0[0,4] effect@1[5,12] 3@2[12,13] imatinib@4[17,25] 2@5[25,26] 2024@7[30,34] end@7[34]
        expanded: advers@0[0,12] complic@0[0,12]/3 side@0[0,4]/2 effect@1[0,12]/2 effect@2[5,12] 3@3[12,13] gleevec@5[17,25] glivec@5[17,25] imatinib@5[17,25] 2@6[25,26] 2024@8[30,34] end@8[34]
      CAR-T and T-cell therapy, anti-CD52
        index:    car@0[0,3] t@1[4,5] t@3[10,11] cell@4[12,16] therapi@5[17,24] anti@6[26,30] cd@7[31,33] 52@8[33,35] end@8[35]
        query:    car@0[0,3] t@1[4,5] t@3[10,11] cell@4[12,16] therapi@5[17,24] anti@6[26,30] cd@7[31,33] 52@8[33,35] end@8[35]
        expanded: car@0[0,5] cart@0[0,5]/8 cart@0[0,5]/2 car@0[0,5]/3 chimer@0[0,5]/5 car@0[0,3]/7 t@1[0,5]/7 t@2[0,5]/6 t@3[0,5] cell@4[0,5]/4 antigen@5[0,5] receptor@6[0,5]/2 t@7[4,5] tcell@9[10,16]/2 t@9[10,11] cell@10[12,16] therapi@11[17,24] anti@12[26,30] cd@13[31,33] 52@14[33,35] end@14[35]
      revumenibis and blinatumomabwith Gleevec
        index:    revumenibi@0[0,11] revumenib@0[0,11] blinatumomabwith@2[16,32] blinatumomab@2[16,32] gleevec@3[33,40] end@3[40]
        query:    revumenibi@0[0,11] blinatumomabwith@2[16,32] gleevec@3[33,40] end@3[40]
        expanded: revumenibi@0[0,11] blinatumomabwith@2[16,32] imatinib@3[33,40] glivec@3[33,40] gleevec@3[33,40] end@3[40]
      What happens if I need a stem cell transplant?
        index:    what@0[0,4] happen@1[5,12] i@3[16,17] need@4[18,22] stem@6[25,29] cell@7[30,34] transplant@8[35,45] end@8[46]
        query:    stem@6[25,29] cell@7[30,34] transplant@8[35,45] end@8[46]
        expanded: bone@6[25,45] hematopoiet@6[25,45]/3 hsct@6[25,45]/8 bmt@6[25,45]/8 stem@6[25,29]/6 marrow@7[25,45] transplant@8[25,45]/6 stem@9[25,45] cell@10[25,45] transplant@11[25,45]/3 cell@12[30,34] transplant@13[35,45] end@13[46]
      Is ALL in the CNS? What about all of it?
        index:    ALL@1[3,6] CNS@4[14,17] what@5[19,23] about@6[24,29] all@7[30,33] end@9[40]
        query:    ALL@1[3,6] CNS@4[14,17] all@7[30,33] end@9[40]
        expanded: acut@1[3,6] acut@1[3,6]/3 acut@1[3,6]/5 ALL@1[3,6]/7 lymphoblast@2[3,6] leukemia@3[3,6]/5 lymphocyt@4[3,6] leukemia@5[3,6]/3 lymphat@6[3,6] leukemia@7[3,6] central@10[14,17] CNS@10[14,17]/3 nervou@11[14,17] system@12[14,17] all@15[30,33] end@17[40]
      The patient's doctor's notes: no CRS, some nausea
        index:    patient@1[4,13] doctor@2[14,22] note@3[23,28] CRS@5[33,36] some@6[38,42] nausea@7[43,49] end@7[49]
        query:    patient@1[4,13] doctor@2[14,22] note@3[23,28] CRS@5[33,36] nausea@7[43,49] end@7[49]
        expanded: patient@1[4,13] doctor@2[14,22] note@3[23,28] cytokin@5[33,36] CRS@5[33,36]/3 releas@6[33,36] syndrom@7[33,36] feel@9[43,49] nausea@9[43,49]/2 sick@10[43,49] end@10[49]
      AML aml Aml ALL's oedema anaemia
        index:    AML@0[0,3] aml@1[4,7] aml@2[8,11] ALL@3[12,17] edema@4[18,24] anemia@5[25,32] end@5[32]
        query:    AML@0[0,3] aml@1[4,7] aml@2[8,11] ALL@3[12,17] edema@4[18,24] anemia@5[25,32] end@5[32]
        expanded: acut@0[0,3] acut@0[0,3]/3 acut@0[0,3]/5 AML@0[0,3]/7 myeloid@1[0,3] leukemia@2[0,3]/5 myelogen@3[0,3] leukemia@4[0,3]/3 myeloblast@5[0,3] leukemia@6[0,3] aml@7[4,7] aml@8[8,11] acut@9[12,17] acut@9[12,17]/3 acut@9[12,17]/5 ALL@9[12,17]/7 lymphoblast@10[12,17] leukemia@11[12,17]/5 lymphocyt@12[12,17] leukemia@13[12,17]/3 lymphat@14[12,17] leukemia@15[12,17] edema@16[18,24] anemia@17[25,32] end@17[32]
      bone marrow transplant for chronic myeloid leukaemia and Glivec
        index:    bone@0[0,4] marrow@1[5,11] transplant@2[12,22] chronic@4[27,34] myeloid@5[35,42] leukemia@6[43,52] glivec@8[57,63] end@8[63]
        query:    bone@0[0,4] marrow@1[5,11] transplant@2[12,22] chronic@4[27,34] myeloid@5[35,42] leukemia@6[43,52] glivec@8[57,63] end@8[63]
        expanded: stem@0[0,22] hematopoiet@0[0,22]/3 hsct@0[0,22]/8 bmt@0[0,22]/8 bone@0[0,4]/6 cell@1[0,22] transplant@2[0,22]/6 stem@3[0,22] cell@4[0,22] transplant@5[0,22]/3 marrow@6[5,11] transplant@7[12,22] CML@9[27,52]/5 chronic@9[27,52] chronic@9[27,34]/3 myelogen@10[27,52] leukemia@11[27,52]/3 myeloid@12[35,42] leukemia@13[43,52] imatinib@15[57,63] gleevec@15[57,63] glivec@15[57,63] end@15[63]
      """;

  @Test
  void theChainIsPinnedTokenByToken() {
    PassageAnalyzer.Set analyzers = analyzers();
    StringBuilder actual = new StringBuilder();
    for (String input : INPUTS) {
      actual.append(input).append('\n');
      actual.append("  index:    ").append(tokens(analyzers.index(), input)).append('\n');
      actual.append("  query:    ").append(tokens(analyzers.query(), input)).append('\n');
      actual.append("  expanded: ").append(tokens(analyzers.expanded(), input)).append('\n');
    }
    assertEquals(EXPECTED, actual.toString());
  }

  @Test
  void normalizeKeepsAnAcronymAsWrittenAndLowerCasesTheRest() {
    PassageAnalyzer query = analyzers().query();
    assertEquals("ALL", query.normalize(Fields.TEXT, "ALL").utf8ToString());
    assertEquals("all", query.normalize(Fields.TEXT, "All").utf8ToString());
    assertEquals("TKIs", query.normalize(Fields.TEXT, "TKIs").utf8ToString());
    assertEquals("leukaem", query.normalize(Fields.TEXT, "Leukaem").utf8ToString());
  }

  @Test
  void aPrefixOfASpellingVariantAlsoMeansThePrefixOfItsIndexedForm() {
    PassageAnalyzer query = analyzers().query();
    assertEquals(List.of("leukem"), query.indexedPrefixes("leukaem"));
    assertEquals(List.of("leukemi"), query.indexedPrefixes("leukaemi"));
    assertEquals(List.of("tumor"), query.indexedPrefixes("tumour"));
    assertEquals(List.of("center"), query.indexedPrefixes("centr")); // ends inside the respelling: the whole form
    assertEquals(List.of("leukemia", "leukemic"), query.indexedPrefixes("leuka"));
    assertEquals(List.of(), query.indexedPrefixes("leuk")); // leukemia already starts with it
    assertEquals(List.of(), query.indexedPrefixes("ALL"));
  }

  static PassageAnalyzer.Set analyzers() {
    IndexConfig config = TestSupport.loadConfig();
    return PassageAnalyzer.build(config.tags().acronyms(), config.vocabulary());
  }

  /** Each token as term@position[start,end], with /length when it spans more than one position. */
  static String tokens(Analyzer analyzer, String text) {
    StringBuilder out = new StringBuilder();
    try (TokenStream ts = analyzer.tokenStream(Fields.TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      int position = -1;
      while (ts.incrementToken()) {
        position += inc.getPositionIncrement();
        out.append(out.isEmpty() ? "" : " ").append(term).append('@').append(position)
            .append('[').append(offset.startOffset()).append(',').append(offset.endOffset()).append(']');
        if (len.getPositionLength() != 1) {
          out.append('/').append(len.getPositionLength());
        }
      }
      ts.end();
      out.append(" end@").append(position + inc.getPositionIncrement()).append('[').append(offset.endOffset()).append(']');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
