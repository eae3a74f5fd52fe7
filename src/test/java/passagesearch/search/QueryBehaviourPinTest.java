package passagesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import passagesearch.TestSupport;

/**
 * Pins what a query means today, exactly: the top five ids, the snippets of the top three, the total, the
 * correction and what {@code explain=true} says was understood, for queries of every shape the syntax
 * allows. Written from the code before the query model (issue 14); the model must answer the same. Searched
 * by words alone: the pins are what the words mean. Issue 16 moved three, read one by one: a drug the query
 * names outweighs a generic topic, so "blinatumomab side effects" lists the passages naming blinatumomab and
 * immunotherapy's side effects before the chemotherapy list, and both imatinib queries open with passages
 * naming imatinib, not the chemotherapy and CAR-T side-effect lists. BM25's b at 0.6 (was 0.75) moved five,
 * read one by one: three swap their third and fourth passages; "blinatumomab side effects" shows Macmillan's
 * supportive care for treatment's side effects fifth, not the chemotherapy side-effect list a reader can take
 * for the drug's; "chemotherapy -children" shows the maintenance chemotherapy passage fifth, not inotuzumab's.
 */
class QueryBehaviourPinTest {
  @TempDir static Path tmp;
  static SearchService search;

  @BeforeAll
  static void build() {
    // What the words mean and match: passages found by meaning are SemanticSearchTest's.
    search = TestSupport.lexicalSeedSearch(tmp.resolve("index"));
  }

  @AfterAll
  static void close() {
    search.close();
  }

  /** The answer to a query as plain lines, so a difference shows as a readable diff. */
  static String render(String q) {
    SearchResponse r = search.search(new SearchRequest(q, 5, 0, List.of(), List.of(), true));
    StringBuilder out = new StringBuilder();
    out.append("total ").append(r.total()).append('\n');
    out.append("corrected ").append(r.corrected()).append('\n');
    QueryUnderstanding u = r.understood();
    out.append("searched ").append(u.searched()).append('\n');
    out.append("terms ").append(u.terms()).append('\n');
    out.append("expansions ").append(u.expansions()).append('\n');
    out.append("corrections ").append(u.corrections()).append('\n');
    out.append("tags ").append(u.tags()).append('\n');
    out.append("impliedTags ").append(u.impliedTags()).append('\n');
    out.append("ids ").append(r.hits().stream().map(SearchHit::id).collect(Collectors.joining(" "))).append('\n');
    for (SearchHit h : r.hits().subList(0, Math.min(3, r.hits().size()))) {
      out.append("snippet ").append(h.snippet()).append('\n');
    }
    return out.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pins")
  void aQueryMeansWhatItMeantBeforeTheQueryModel(String query, String expected) {
    assertEquals(expected, render(query));
  }

  static Stream<Arguments> pins() {
    return PINS.stream().map(p -> Arguments.of(p.get(0), p.get(1)));
  }

  static final List<List<String>> PINS = List.of(
      List.of("blinatumomab side effects", """
          total 17
          corrected null
          searched blinatumomab side effects
          terms [blinatumomab, side, effect]
          expansions [bispecif, bite, t, blincyto, cell, engag, advers, complic]
          corrections {}
          tags [side-effects, blinatumomab]
          impliedTags [immunotherapy]
          ids knowall-all-treatment/11 knowall-all-treatment/10 knowall-all-treatment/18 reviewed-summary-all-treatment/1 macmillan-all-treatment/16
          snippet <mark>Blinatumomab</mark> is a special antibody used to treat some subtypes of B-cell acute lymphoblastic leukemia.  … Treatment usually occurs in a hospital or clinic because it is a relatively new therapy and it is important to document the <mark>side</mark> <mark>effects</mark>. Treatment of patients with B-cell acute lymphoblastic leukemia with <mark>blinatumomab</mark> is rapidly becoming the gold standard treatment and is very likely to revolutionise the treatment of this disease.
          snippet Immunotherapy aims to encourage the patient’s immune system to target and kill leukemia cells.4
          The two main immunotherapeutic agents you may be treated with are3:
          • <mark>Blinatumomab</mark>
          • Inotuzumab ozogamicin3
          snippet Immunotherapy may increase the risk of infection along with:
          • Headaches
          • Fever
          • Muscle aches
          • Dizziness
          • Bleeding
          • Feeling and being sick4
          CAR T-cell therapy may result in serious <mark>side</mark> <mark>effects</mark>, for this reason it is only given in specialized medical centers by trained staff. The most common <mark>side</mark> <mark>effects</mark> include:
          • Cytokine release syndrome (CRS): symptoms including fever, chills, difficulty breathing, severe nausea, vomiting, diarrhea, severe muscle or joint pain, and feeling dizzy
          • Nervous system problems: can present as headaches, changes in consciousness, confusion or agitation, seizures, trouble speaking and understanding, or loss of balance
          • Infections
          • Low blood cell counts
          """),
      List.of("leukaemia treatment chemotherapy", """
          total 65
          corrected null
          searched leukaemia treatment chemotherapy
          terms [leukemia, treatment, chemotherapi]
          expansions [chemo]
          corrections {}
          tags [chemotherapy]
          impliedTags []
          ids macmillan-all-treatment/3 knowall-all-treatment/2 cancerfax-leukemia-treatment-options/2 macmillan-all-treatment/2 knowall-all-treatment/12
          snippet At times during <mark>treatment</mark> you will have <mark>chemotherapy</mark> given into the fluid around your spine and brain (cerebrospinal fluid). This is called intrathecal <mark>chemotherapy</mark>. It may be given to treat or prevent <mark>leukaemia</mark> in this area of the body.
          snippet <mark>Chemotherapy</mark> is the most common form of <mark>treatment</mark> for acute lymphoblastic <mark>leukemia</mark>.  … <mark>Treatment</mark> may involve the use of one or more <mark>chemotherapy</mark> drug at once, and often these agents are given straight into the bloodstream.\s
          snippet It is usually necessary to first carry out combination <mark>chemotherapy</mark>, so-called “induction <mark>chemotherapy</mark>”, commonly used DA (3 + 7) scheme.  … After consolidation <mark>treatment</mark>, maintenance <mark>treatment</mark> is usually not performed at present, and the drug can be stopped for observation and regularly followed up.
          """),
      List.of("\"stem cell transplant\"", """
          total 13
          corrected null
          searched "stem cell transplant"
          terms [stem, cell, transplant]
          expansions []
          corrections {}
          tags [stem-cell-transplant]
          impliedTags []
          ids canadian-cancer-society-all-treatments/16 macmillan-all-treatment/6 macmillan-all-treatment/12 knowall-all-treatment/15 reviewed-summary-all-treatment/4
          snippet A <mark>stem cell transplant</mark> replaces stem cells. Acute lymphoblastic leukemia (ALL) is sometimes treated with a <mark>stem cell transplant</mark>.
          snippet donor <mark>stem cell transplant</mark> is an intensive treatment that may increase the chances of curing ALL or keep it in remission for longer.\s
          snippet You usually have your treatment in a hospital that offers specialist treatments such as chemotherapy and <mark>stem cell transplants</mark>. These are usually larger hospitals, so you may have to travel for your treatment and appointments.
          """),
      List.of("\"side effects\" of imatinib", """
          total 16
          corrected null
          searched "side effects" of imatinib
          terms [side, effect, imatinib]
          expansions [gleevec, glivec]
          corrections {}
          tags [side-effects, imatinib]
          impliedTags [targeted-therapy]
          ids reviewed-summary-all-treatment/2 cancerfax-leukemia-treatment-options/5 knowall-all-treatment/6 macmillan-all-treatment/5 reviewed-summary-all-treatment/1
          snippet For patients with specific genetic markers, such as the Philadelphia chromosome, tyrosine kinase inhibitors like <mark>imatinib</mark> (<mark>Gleevec</mark>) or dasatinib (Sprycel) are integrated into the regimen.
          snippet In the chronic phase, tyrosine kinase inhibitors (such as <mark>imatinib</mark>) are the preferred treatment. It is recommended to treat them as soon as possible and in sufficient amounts.  … The accelerated phase and the acute phase usually require targeted therapy (<mark>imatinib</mark> uptake or the use of second-generation drugs). If possible, allogeneic transplantation or timely combination therapy can be accepted.
          snippet Leukemia cells with this change are sensitive to treatment by tyrosine kinase inhibitors such as3:
          • <mark>Imatinib</mark>
          • Dasatinib
          • Ponatinib
          • Nilotinib
          • Bosutinib
          """),
      List.of("chemotherapy -children", """
          total 24
          corrected null
          searched chemotherapy -children
          terms [chemotherapi]
          expansions [chemo]
          corrections {}
          tags [chemotherapy]
          impliedTags []
          ids knowall-all-treatment/2 macmillan-all-treatment/3 cancerfax-leukemia-treatment-options/2 macmillan-all-treatment/2 knowall-all-treatment/5
          snippet <mark>Chemotherapy</mark> is the most common form of treatment for acute lymphoblastic leukemia. <mark>Chemotherapy</mark> works by killing rapidly dividing cells such as cancer cells.\s
          snippet At times during treatment you will have <mark>chemotherapy</mark> given into the fluid around your spine and brain (cerebrospinal fluid). This is called intrathecal <mark>chemotherapy</mark>.\s
          snippet It is usually necessary to first carry out combination <mark>chemotherapy</mark>, so-called “induction <mark>chemotherapy</mark>”, commonly used DA (3 + 7) scheme. After induction therapy, if remission is achieved, further intensive consolidation <mark>chemotherapy</mark> or stem cell transplantation procedures can be continued according to the prognostic stratification arrangement.\s
          """),
      List.of("maintenance -Trisenox", """
          total 7
          corrected null
          searched maintenance -Trisenox
          terms [mainten]
          expansions []
          corrections {}
          tags [maintenance]
          impliedTags []
          ids knowall-all-treatment/5 macmillan-all-treatment/8 canadian-cancer-society-all-treatments/10 reviewed-summary-all-treatment/2 cancerfax-leukemia-treatment-options/2
          snippet <mark>Maintenance</mark> is a less intense treatment phase that can last up to 2 years.  … <mark>Maintenance</mark> therapy uses lower doses of chemotherapy, so the side effects should be less during this phase, allowing a return to normal activities.1
          Common chemotherapy agents used include:
          • Asparaginase
          • Vincristine
          • Cyclophosphamide
          • Cytarabine
          • Doxorubicin
          • Methotrexate
          • Steroids such as dexamethasone, prednisolone, and hydrocortisone taken before or alongside chemotherapy1
          snippet consolidation (or intensification) treatment – to get rid of any remaining leukaemia cells in areas such as the brain or spinal cord
          • <mark>Maintenance</mark> phase – to reduce the risk of leukaemia coming back. This is also called <mark>maintenance</mark> therapy.
          snippet <mark>Maintenance</mark> treatments for acute lymphoblastic leukemia (ALL) include chemotherapy, targeted therapy and CNS prophylaxis or treatment.
          """),
      List.of("transplant -\"stem cell\"", """
          total 3
          corrected null
          searched transplant -"stem cell"
          terms [transplant]
          expansions []
          corrections {}
          tags [stem-cell-transplant]
          impliedTags []
          ids cancerfax-leukemia-treatment-options/8 cancerfax-leukemia-treatment-options/5 cancerfax-leukemia-treatment-options/6
          snippet Except for a few special patients who may benefit from autologous <mark>transplantation</mark> (the autologous <mark>transplantation</mark> recurrence rate is very high), the vast majority of leukemia patients should choose xenotransplantation for <mark>transplantation</mark>.
           … Treatment after relapse will be more difficult. Therefore, <mark>transplantation</mark> is generally the last step of choice.
          snippet If possible, allogeneic <mark>transplantation</mark> or timely combination therapy can be accepted.
          snippet Patients with refractory conditions can consider <mark>allograft</mark> therapy.
          """),
      List.of("imatinib OR dasatinib", """
          total 4
          corrected null
          searched imatinib OR dasatinib
          terms [imatinib, dasatinib]
          expansions [gleevec, glivec, sprycel]
          corrections {}
          tags [imatinib, dasatinib]
          impliedTags [targeted-therapy]
          ids reviewed-summary-all-treatment/2 knowall-all-treatment/6 cancerfax-leukemia-treatment-options/5 macmillan-all-treatment/5
          snippet For patients with specific genetic markers, such as the Philadelphia chromosome, tyrosine kinase inhibitors like <mark>imatinib</mark> (<mark>Gleevec</mark>) or <mark>dasatinib</mark> (<mark>Sprycel</mark>) are integrated into the regimen.
          snippet Leukemia cells with this change are sensitive to treatment by tyrosine kinase inhibitors such as3:
          • <mark>Imatinib</mark>
          • <mark>Dasatinib</mark>
          • Ponatinib
          • Nilotinib
          • Bosutinib
          snippet In the chronic phase, tyrosine kinase inhibitors (such as <mark>imatinib</mark>) are the preferred treatment. It is recommended to treat them as soon as possible and in sufficient amounts.  … The accelerated phase and the acute phase usually require targeted therapy (<mark>imatinib</mark> uptake or the use of second-generation drugs). If possible, allogeneic transplantation or timely combination therapy can be accepted.
          """),
      List.of("imatinib | dasatinib", """
          total 4
          corrected null
          searched imatinib | dasatinib
          terms [imatinib, dasatinib]
          expansions [gleevec, glivec, sprycel]
          corrections {}
          tags [imatinib, dasatinib]
          impliedTags [targeted-therapy]
          ids reviewed-summary-all-treatment/2 knowall-all-treatment/6 cancerfax-leukemia-treatment-options/5 macmillan-all-treatment/5
          snippet For patients with specific genetic markers, such as the Philadelphia chromosome, tyrosine kinase inhibitors like <mark>imatinib</mark> (<mark>Gleevec</mark>) or <mark>dasatinib</mark> (<mark>Sprycel</mark>) are integrated into the regimen.
          snippet Leukemia cells with this change are sensitive to treatment by tyrosine kinase inhibitors such as3:
          • <mark>Imatinib</mark>
          • <mark>Dasatinib</mark>
          • Ponatinib
          • Nilotinib
          • Bosutinib
          snippet In the chronic phase, tyrosine kinase inhibitors (such as <mark>imatinib</mark>) are the preferred treatment. It is recommended to treat them as soon as possible and in sufficient amounts.  … The accelerated phase and the acute phase usually require targeted therapy (<mark>imatinib</mark> uptake or the use of second-generation drugs). If possible, allogeneic transplantation or timely combination therapy can be accepted.
          """),
      List.of("imatanib", """
          total 4
          corrected imatinib
          searched imatinib
          terms [imatinib]
          expansions [gleevec, glivec]
          corrections {imatanib=imatinib}
          tags [imatinib]
          impliedTags [targeted-therapy]
          ids reviewed-summary-all-treatment/2 cancerfax-leukemia-treatment-options/5 knowall-all-treatment/6 macmillan-all-treatment/5
          snippet For patients with specific genetic markers, such as the Philadelphia chromosome, tyrosine kinase inhibitors like <mark>imatinib</mark> (<mark>Gleevec</mark>) or dasatinib (Sprycel) are integrated into the regimen.
          snippet In the chronic phase, tyrosine kinase inhibitors (such as <mark>imatinib</mark>) are the preferred treatment. It is recommended to treat them as soon as possible and in sufficient amounts.  … The accelerated phase and the acute phase usually require targeted therapy (<mark>imatinib</mark> uptake or the use of second-generation drugs). If possible, allogeneic transplantation or timely combination therapy can be accepted.
          snippet Leukemia cells with this change are sensitive to treatment by tyrosine kinase inhibitors such as3:
          • <mark>Imatinib</mark>
          • Dasatinib
          • Ponatinib
          • Nilotinib
          • Bosutinib
          """),
      List.of("imatanib side efects", """
          total 20
          corrected imatinib side effects
          searched imatinib side effects
          terms [imatinib, side, effect]
          expansions [gleevec, glivec, advers, complic]
          corrections {imatanib=imatinib, efects=effects}
          tags [side-effects, imatinib]
          impliedTags [targeted-therapy]
          ids reviewed-summary-all-treatment/2 cancerfax-leukemia-treatment-options/5 knowall-all-treatment/6 reviewed-summary-all-treatment/1 macmillan-all-treatment/5
          snippet For patients with specific genetic markers, such as the Philadelphia chromosome, tyrosine kinase inhibitors like <mark>imatinib</mark> (<mark>Gleevec</mark>) or dasatinib (Sprycel) are integrated into the regimen.
          snippet In the chronic phase, tyrosine kinase inhibitors (such as <mark>imatinib</mark>) are the preferred treatment. It is recommended to treat them as soon as possible and in sufficient amounts.  … The accelerated phase and the acute phase usually require targeted therapy (<mark>imatinib</mark> uptake or the use of second-generation drugs). If possible, allogeneic transplantation or timely combination therapy can be accepted.
          snippet Leukemia cells with this change are sensitive to treatment by tyrosine kinase inhibitors such as3:
          • <mark>Imatinib</mark>
          • Dasatinib
          • Ponatinib
          • Nilotinib
          • Bosutinib
          """),
      List.of("Gleevec", """
          total 4
          corrected null
          searched Gleevec
          terms [gleevec]
          expansions [imatinib, glivec]
          corrections {}
          tags [imatinib]
          impliedTags [targeted-therapy]
          ids reviewed-summary-all-treatment/2 cancerfax-leukemia-treatment-options/5 knowall-all-treatment/6 macmillan-all-treatment/5
          snippet For patients with specific genetic markers, such as the Philadelphia chromosome, tyrosine kinase inhibitors like <mark>imatinib</mark> (<mark>Gleevec</mark>) or dasatinib (Sprycel) are integrated into the regimen.
          snippet In the chronic phase, tyrosine kinase inhibitors (such as <mark>imatinib</mark>) are the preferred treatment. It is recommended to treat them as soon as possible and in sufficient amounts.  … The accelerated phase and the acute phase usually require targeted therapy (<mark>imatinib</mark> uptake or the use of second-generation drugs). If possible, allogeneic transplantation or timely combination therapy can be accepted.
          snippet Leukemia cells with this change are sensitive to treatment by tyrosine kinase inhibitors such as3:
          • <mark>Imatinib</mark>
          • Dasatinib
          • Ponatinib
          • Nilotinib
          • Bosutinib
          """),
      List.of("Campath", """
          total 1
          corrected null
          searched Campath
          terms [campath]
          expansions [alemtuzumab, lemtrada]
          corrections {}
          tags [alemtuzumab]
          impliedTags [immunotherapy]
          ids cancerfax-leukemia-treatment-options/6
          snippet Early asymptomatic patients usually do not need treatment, and in the late stage, they can choose a variety of chemotherapy options, such as Liu Keran monotherapy, fludarabine, cyclophosphamide combined with merova, and other chemotherapy. Bendamustine and <mark>anti-CD52</mark> monoclonal antibodies are also effective. In recent years, it has been found that targeted therapy of BCR pathway inhibitors may have a significant effect.\s
          """),
      List.of("Trisenox", """
          total 1
          corrected null
          searched Trisenox
          terms [trisenox]
          expansions [arsen, trioxid]
          corrections {}
          tags [arsenic-trioxide]
          impliedTags [targeted-therapy]
          ids cancerfax-leukemia-treatment-options/3
          snippet Due to the success of targeted therapy and induced apoptosis therapy, PML-RARα positive acute promyelocytic leukemia (M3) has become the best prognostic type in the entire AML. More and more studies have shown that all-trans retinoic acid combined with <mark>arsenic</mark> treatment can cure most patients with M3.\s
          """),
      List.of("ALL", """
          total 51
          corrected null
          searched ALL
          terms [ALL]
          expansions [acut, lymphoblast, leukemia, lymphocyt, lymphat]
          corrections {}
          tags [all]
          impliedTags []
          ids reviewed-summary-all-treatment/3 macmillan-all-treatment/1 canadian-cancer-society-all-treatments/2 macmillan-all-treatment/7 canadian-cancer-society-all-treatments/3
          snippet The landscape for <mark>Acute</mark> <mark>lymphocytic</mark> <mark>leukemia</mark> (<mark>ALL</mark>) has evolved significantly with the introduction of targeted immunotherapies. These treatments are often utilized for patients whose disease is refractory or has relapsed:
          Managing <mark>Acute</mark> <mark>lymphocytic</mark> <mark>leukemia</mark> (<mark>ALL</mark>) requires a coordinated team.\s
          snippet The aim of treatment for <mark>acute</mark> <mark>lymphoblastic</mark> <mark>leukaemia</mark> (also called <mark>ALL</mark> or <mark>ALL</mark> <mark>leukemia</mark>) is to get rid of the <mark>leukaemia</mark> cells as quickly as possible, so your bone marrow can work normally again.\s
          snippet Chemotherapy is the main treatment for <mark>ALL</mark>. Targeted therapy and radiation therapy are sometimes used to treat <mark>ALL</mark> as well.
          If <mark>ALL</mark> relapses or doesn&#x27;t respond to treatment (called refractory <mark>ALL</mark>), immunotherapy including monoclonal antibodies may be used.\s
          """),
      List.of("all", """
          total 4
          corrected null
          searched all
          terms [all]
          expansions []
          corrections {}
          tags []
          impliedTags []
          ids macmillan-all-treatment/19 cancerfax-leukemia-treatment-options/1 cancerfax-leukemia-treatment-options/3 cancerfax-leukemia-treatment-options/5
          snippet Your doctor needs to make sure you have <mark>all</mark> the information you need to make your decision. You need to understand <mark>all</mark> your treatment options and what will happen if you do not have the treatment.

          snippet Because leukemia classification and prognosis stratification are complex, there is no one-size-fits-<mark>all</mark> treatment method, and it is necessary to combine careful classification and prognosis stratification to formulate treatment plans.\s
          snippet More and more studies have shown that <mark>all</mark>-trans retinoic acid combined with arsenic treatment can cure most patients with M3.\s
          """),
      List.of("can I have children after treatment", """
          total 67
          corrected null
          searched can I have children after treatment
          terms [children, after, treatment]
          expansions [pediatr, child, childhood]
          corrections {}
          tags []
          impliedTags []
          ids cancerfax-leukemia-treatment-options/4 canadian-cancer-society-all-treatments/3 knowall-all-treatment/1 knowall-all-treatment/13 cancerfax-leukemia-treatment-options/2
          snippet <mark>After</mark> remission, it is necessary to insist on consolidation and maintenance <mark>treatment</mark>.  … Patients with Ph1 chromosome positive are recommended for <mark>treatment</mark> with tyrosine kinase inhibitors.
          snippet It is important to start <mark>treatment</mark> as soon as ALL is diagnosed. If the cancer recurs, your lifestyle and preferences can help plan further <mark>treatment</mark>.
          <mark>Treatment</mark> for ALL is different for adults than it is for <mark>children</mark>. Find out more about <mark>treatments</mark> for <mark>childhood</mark> ALL.
          snippet There are a variety of different <mark>treatments</mark> that you or your <mark>child</mark> may receive for acute lymphoblastic leukemia. It is likely <mark>treatment</mark> will begin rapidly <mark>after</mark> receiving a diagnosis.
          """),
      List.of("\"unbalanced quote treatment", """
          total 66
          corrected null
          searched "unbalanced quote treatment
          terms [unbalanc, quot, treatment]
          expansions []
          corrections {}
          tags []
          impliedTags []
          ids knowall-all-treatment/1 canadian-cancer-society-all-treatments/3 macmillan-all-treatment/12 cancerfax-leukemia-treatment-options/3 canadian-cancer-society-all-treatments/2
          snippet There are a variety of different <mark>treatments</mark> that you or your child may receive for acute lymphoblastic leukemia. It is likely <mark>treatment</mark> will begin rapidly after receiving a diagnosis.
          snippet It is important to start <mark>treatment</mark> as soon as ALL is diagnosed. If the cancer recurs, your lifestyle and preferences can help plan further <mark>treatment</mark>.
          <mark>Treatment</mark> for ALL is different for adults than it is for children. Find out more about <mark>treatments</mark> for childhood ALL.
          snippet You usually have your <mark>treatment</mark> in a hospital that offers specialist <mark>treatments</mark> such as chemotherapy and stem cell transplants. These are usually larger hospitals, so you may have to travel for your <mark>treatment</mark> and appointments.
          """),
      List.of("-", """
          total 0
          corrected null
          searched -
          terms []
          expansions []
          corrections {}
          tags []
          impliedTags []
          ids\s
          """),
      List.of("+(", """
          total 0
          corrected null
          searched +(
          terms []
          expansions []
          corrections {}
          tags []
          impliedTags []
          ids\s
          """),
      List.of("(stem cell) +transplant", """
          total 17
          corrected null
          searched (stem cell) +transplant
          terms [stem, cell, transplant]
          expansions [bone, hematopoiet, hsct, bmt, marrow]
          corrections {}
          tags [stem-cell-transplant]
          impliedTags []
          ids knowall-all-treatment/16 reviewed-summary-all-treatment/4 canadian-cancer-society-all-treatments/16 macmillan-all-treatment/6 macmillan-all-treatment/12
          snippet High intensity treatment is used to kill the leukemic <mark>cells</mark> in the <mark>bone</mark> <mark>marrow</mark> (the spongy part of the <mark>bone</mark>); however, normal blood <mark>cells</mark> are killed too.
           … In a <mark>transplant</mark>, these healthy <mark>cells</mark> can be taken from the <mark>bone</mark> <mark>marrow</mark> or from the bloodstream.
          snippet Success rates for Acute lymphocytic leukemia (ALL) depend heavily on biological factors, including age, white blood <mark>cell</mark> count at diagnosis, and specific chromosomal abnormalities (cytogenetics). While pediatric patients generally have high survival rates, adult cases often require more intensive strategies, such as <mark>hematopoietic</mark> <mark>stem</mark> <mark>cell</mark> <mark>transplantation</mark>, to achieve long-term remission.
          snippet A <mark>stem</mark> <mark>cell</mark> <mark>transplant</mark> replaces <mark>stem</mark> <mark>cells</mark>. Acute lymphoblastic leukemia (ALL) is sometimes treated with a <mark>stem</mark> <mark>cell</mark> <mark>transplant</mark>.
          """),
      List.of("relaps*", """
          total 20
          corrected relapse*
          searched relapse*
          terms [relaps]
          expansions [come, return, recurr, recur, back]
          corrections {relaps=relapse}
          tags [relapsed-refractory]
          impliedTags []
          ids macmillan-all-treatment/17 knowall-all-treatment/4 canadian-cancer-society-all-treatments/1 macmillan-all-treatment/18 canadian-cancer-society-all-treatments/5
          snippet Sometimes ALL <mark>comes</mark> <mark>back</mark> after a remission. This is called a <mark>relapse</mark>. If you <mark>relapse</mark>, it may be possible to have more treatment with chemotherapy, targeted or immunotherapy drugs, or CART-T cell therapy.\s
          snippet The consolidation phase is designed to stop the acute lymphoblastic leukemia <mark>coming</mark> <mark>back</mark> and to destroy any leukemia cells that may be present in the blood but that are in such small numbers they do not show up on tests.1
          snippet When deciding which treatments to offer for acute lymphoblastic leukemia (ALL), your healthcare team will consider:
          • your age
          • chromosome or gene changes (also called abnormalities)
          • the subtype (or classification) of ALL
          • your overall health
          • risk group
          • possible side effects of treatment
          • hormone status
          • your initial white blood cell count
          • how the cancer responds to treatment
          • if the cancer has <mark>come</mark> <mark>back</mark> (<mark>relapsed</mark> or <mark>recurred</mark>) or spread to the brain and spinal cord (called the central nervous system, or CNS)
          """),
      List.of("remision~1", """
          total 16
          corrected remission~1
          searched remission~1
          terms [remiss]
          expansions [sign, leukemia]
          corrections {remision=remission}
          tags [remission-mrd]
          impliedTags []
          ids macmillan-all-treatment/17 canadian-cancer-society-all-treatments/4 knowall-all-treatment/3 reviewed-summary-all-treatment/1 macmillan-all-treatment/21
          snippet Sometimes ALL comes back after a <mark>remission</mark>. This is called a relapse. If you relapse, it may be possible to have more treatment with chemotherapy, targeted or immunotherapy drugs, or CART-T cell therapy. The aim is to get a second <mark>remission</mark>. Some people go on to have a stem cell transplant when they are in <mark>remission</mark> again.
          snippet The goal of treatment is to reach a complete <mark>remission</mark>.
           … With a complete <mark>remission</mark>, there are no general signs or symptoms of ALL and no signs or symptoms that ALL has spread to the CNS or anywhere else in the body.
          snippet The aim of the induction phase is to reduce the number of leukemia cells to a point when they are no longer detectable in bone marrow samples (called complete <mark>remission</mark>). After this point, the normal blood cells in the marrow can regrow. While achieving a complete <mark>remission</mark> is a positive sign, it does not necessarily mean the disease is cured, as leukemia cells may be present at very low levels or in other parts of the body.2
          """),
      List.of("\"side effects\"~3", """
          total 12
          corrected null
          searched "side effects"~3
          terms [side, effect]
          expansions []
          corrections {}
          tags [side-effects]
          impliedTags []
          ids knowall-all-treatment/17 knowall-all-treatment/18 macmillan-all-treatment/16 macmillan-all-treatment/20 reviewed-summary-all-treatment/1
          snippet This may result in <mark>side effects</mark>.
          For chemotherapy, traditional <mark>side effects</mark> associated with treatment are:
          • Nausea and vomiting
          • Loss of appetite
          • Fatigue
          • Mouth ulcers
          • Diarrhea
          • Hair loss
          • Infertility
          • Skin rashes
          snippet Immunotherapy may increase the risk of infection along with:
          • Headaches
          • Fever
          • Muscle aches
          • Dizziness
          • Bleeding
          • Feeling and being sick4
          CAR T-cell therapy may result in serious <mark>side effects</mark>, for this reason it is only given in specialized medical centers by trained staff. The most common <mark>side effects</mark> include:
          • Cytokine release syndrome (CRS): symptoms including fever, chills, difficulty breathing, severe nausea, vomiting, diarrhea, severe muscle or joint pain, and feeling dizzy
          • Nervous system problems: can present as headaches, changes in consciousness, confusion or agitation, seizures, trouble speaking and understanding, or loss of balance
          • Infections
          • Low blood cell counts
          snippet Leukaemia and its treatment cause <mark>side effects</mark>, such as low levels of blood cells. These <mark>side effects</mark> can be serious.  … This may include having:
          • red blood cells or platelets given into a vein – called a blood or platelet transfusion
          • drugs to prevent infections
          • rugs to prevent or manage <mark>side effects</mark> of treatment.
          """),
      List.of("CAR-T cells", """
          total 42
          corrected null
          searched CAR-T cells
          terms [car, t, cell]
          expansions [cart, chimer, antigen, receptor]
          corrections {}
          tags [car-t]
          impliedTags [immunotherapy]
          ids knowall-all-treatment/13 knowall-all-treatment/14 knowall-all-treatment/18 macmillan-all-treatment/17 canadian-cancer-society-all-treatments/2
          snippet <mark>CAR</mark> <mark>T</mark>-<mark>cells</mark> are a recent advancement in the treatment of acute lymphoblastic leukemia.  … These white blood <mark>cells</mark> are now called <mark>CAR</mark> <mark>T</mark>-<mark>cells</mark> and are multiplied before being given back to the patient.\s
          snippet Brexucabtagene autoleucel is approved to treat adults with B-<mark>cell</mark> acute lymphoblastic leukemia that has returned or is no longer responding to treatments.
          Obecabtageneautoleucel is a <mark>CAR</mark> <mark>T</mark>-<mark>cell</mark> therapy that is approved in the US to treat adults with B-<mark>cell</mark> acute lymphoblastic leukemia that has returned or is no longer responding to treatments.
          snippet Immunotherapy may increase the risk of infection along with:
          • Headaches
          • Fever
          • Muscle aches
          • Dizziness
          • Bleeding
          • Feeling and being sick4
          <mark>CAR</mark> <mark>T</mark>-<mark>cell</mark> therapy may result in serious side effects, for this reason it is only given in specialized medical centers by trained staff. The most common side effects include:
          • Cytokine release syndrome (CRS): symptoms including fever, chills, difficulty breathing, severe nausea, vomiting, diarrhea, severe muscle or joint pain, and feeling dizzy
          • Nervous system problems: can present as headaches, changes in consciousness, confusion or agitation, seizures, trouble speaking and understanding, or loss of balance
          • Infections
          • Low blood <mark>cell</mark> counts
          """),
      List.of("what happens after a bone marrow transplant?", """
          total 29
          corrected null
          searched what happens after a bone marrow transplant?
          terms [after, bone, marrow, transplant]
          expansions [stem, hematopoiet, hsct, bmt, cell]
          corrections {}
          tags [stem-cell-transplant]
          impliedTags []
          ids knowall-all-treatment/16 reviewed-summary-all-treatment/4 cancerfax-leukemia-treatment-options/2 macmillan-all-treatment/17 cancerfax-leukemia-treatment-options/4
          snippet High intensity treatment is used to kill the leukemic <mark>cells</mark> in the <mark>bone</mark> <mark>marrow</mark> (the spongy part of the <mark>bone</mark>); however, normal blood <mark>cells</mark> are killed too.
           … In a <mark>transplant</mark>, these healthy <mark>cells</mark> can be taken from the <mark>bone</mark> <mark>marrow</mark> or from the bloodstream.
          snippet Success rates for Acute lymphocytic leukemia (ALL) depend heavily on biological factors, including age, white blood <mark>cell</mark> count at diagnosis, and specific chromosomal abnormalities (cytogenetics). While pediatric patients generally have high survival rates, adult cases often require more intensive strategies, such as <mark>hematopoietic</mark> <mark>stem</mark> <mark>cell</mark> <mark>transplantation</mark>, to achieve long-term remission.
          snippet <mark>After</mark> induction therapy, if remission is achieved, further intensive consolidation chemotherapy or <mark>stem</mark> <mark>cell</mark> <mark>transplantation</mark> procedures can be continued according to the prognostic stratification arrangement. <mark>After</mark> consolidation treatment, maintenance treatment is usually not performed at present, and the drug can be stopped for observation and regularly followed up.
          """),
      List.of("*", """
          total 67
          corrected null
          searched *
          terms []
          expansions []
          corrections {}
          tags []
          impliedTags []
          ids canadian-cancer-society-all-treatments/1 cancerfax-leukemia-treatment-options/1 knowall-all-treatment/1 macmillan-all-treatment/1 reviewed-summary-all-treatment/1
          snippet Your healthcare team will create a treatment plan just for you. The plan is based on your health and specific information about the cancer. What you want is also important when planning treatment.\s
          snippet Because leukemia classification and prognosis stratification are complex, there is no one-size-fits-all treatment method, and it is necessary to combine careful classification and prognosis stratification to formulate treatment plans. At present, there are mainly the following types of treatment methods: chemotherapy, radiotherapy, targeted therapy, immunotherapy, stem cell transplantation, etc.

          snippet There are a variety of different treatments that you or your child may receive for acute lymphoblastic leukemia. It is likely treatment will begin rapidly after receiving a diagnosis.
          """));
}
