package passagesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import passagesearch.config.HeadingStubRule;

class HeadingStubsTest {
  private final HeadingStubs stubs = new HeadingStubs(new HeadingStubRule(25, 3), Map.of("leukaemia", "leukemia"));

  @Test
  void aShortPassageHoldingEveryWordOfItsHeadingRestatesIt() {
    assertTrue(stubs.restatesHeading(
        "Induction treatments for acute lymphoblastic leukemia (ALL) include chemotherapy, targeted therapy and CNS "
            + "prophylaxis or treatment.", List.of("Induction treatments for acute lymphoblastic leukemia")));
    // In another order, another spelling, another number.
    assertTrue(stubs.restatesHeading("A stem cell transplant replaces stem cells. Acute lymphoblastic leukaemia is "
        + "sometimes treated with one.", List.of("Treatment", "Stem cell transplants for acute lymphoblastic leukemia")));
  }

  @Test
  void aPassageThatSaysMoreThanItsHeadingIsNoStub() {
    assertFalse(stubs.restatesHeading("Follow-up is an important part of care for acute lymphoblastic leukemia (ALL). "
        + "It often involves regular tests and visits with the healthcare team.",
        List.of("Follow-up after treatment for acute lymphoblastic leukemia")), "a heading word it does not say");
    assertFalse(stubs.restatesHeading("Induction treatments for acute lymphoblastic leukemia include chemotherapy. "
        + "It may last 1 or 2 months, in hospital, with blood tests every week and a bone marrow test at the end.",
        List.of("Induction treatments for acute lymphoblastic leukemia")), "25 words or more");
  }

  @Test
  void aShortHeadingOrNoneMakesNoStub() {
    assertFalse(stubs.restatesHeading("Side effects include nausea and hair loss.", List.of("Side effects")));
    assertFalse(stubs.restatesHeading("Induction treatments for acute lymphoblastic leukemia include chemotherapy.",
        List.of()));
  }

  @Test
  void noRuleNoStubs() {
    assertFalse(new HeadingStubs(HeadingStubRule.none(), Map.of()).restatesHeading(
        "Induction treatments for acute lymphoblastic leukemia include chemotherapy.",
        List.of("Induction treatments for acute lymphoblastic leukemia")));
  }
}
