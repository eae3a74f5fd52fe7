package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import passagesearch.SeedIndex;
import passagesearch.embed.ModelSlot;

/** A generation's readings of queries: kept for short questions, read afresh for long ones, the same either way. */
class PreparedQueriesTest {
  @RegisterExtension static final SeedIndex SEED = new SeedIndex();

  private static Served served() {
    return Served.of(SEED.index(), ModelSlot.off("test"), new EnglishWords(), new CacheCounters(), new KeptCounters());
  }

  @Test
  void aQuestionAskedAgainIsTheReadingKeptAndReadsAsAFreshOne() {
    PreparedQueries prepared = served().prepared();
    PreparedQueries.Prepared first = prepared.of("Gleevec side efects");
    PreparedQueries.Prepared second = prepared.of("Gleevec side efects");
    assertNotSame(first, second, "a question asked once is not kept");
    assertSame(second, prepared.of("Gleevec side efects"), "asked twice, it is kept, not read again");
    PreparedQueries.Prepared fresh = served().prepared().of("Gleevec side efects");
    assertEquals(fresh, first, "another generation's reading of the same words");
    assertEquals("Gleevec side effects", first.meaning().searched(), "corrected once, kept corrected");
    assertTrue(first.meaning().tags().named().contains("imatinib"), first.meaning().tags().toString());
    assertEquals(2, first.concepts().size(), first.concepts().toString());
  }

  @Test
  void aLongQueryIsReadEveryTimeSoTheTableStaysSmall() {
    PreparedQueries prepared = served().prepared();
    String longer = "what are the side effects of chemotherapy for children with acute lymphoblastic leukaemia and how long";
    assertTrue(longer.length() > PreparedQueries.KEPT_CHARS);
    PreparedQueries.Prepared once = prepared.of(longer);
    prepared.of(longer);
    PreparedQueries.Prepared again = prepared.of(longer);
    assertEquals(once, again);
    assertNotSame(once, again, "asked three times, read three times");
  }
}
