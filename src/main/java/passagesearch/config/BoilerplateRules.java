package passagesearch.config;

import java.util.List;

/** What is site chrome (dropped) and what is kept but set aside ({@code boilerplate.yaml}). */
public record BoilerplateRules(
    List<LineRule> dropLines,
    List<SectionRule> dropSections,
    List<LineRule> asideLines,
    List<SectionRule> asideSections) {

  public BoilerplateRules {
    dropLines = List.copyOf(dropLines);
    dropSections = List.copyOf(dropSections);
    asideLines = List.copyOf(asideLines);
    asideSections = List.copyOf(asideSections);
  }

  public static BoilerplateRules none() {
    return new BoilerplateRules(List.of(), List.of(), List.of(), List.of());
  }
}
