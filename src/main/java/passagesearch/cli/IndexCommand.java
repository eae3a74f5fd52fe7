package passagesearch.cli;

import java.util.concurrent.Callable;
import passagesearch.index.GenerationInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "index", mixinStandardHelpOptions = true,
    description = "Build a new index generation from the corpus and publish it.")
final class IndexCommand implements Callable<Integer> {
  @Mixin Locations at;
  @Spec CommandSpec spec;

  @picocli.CommandLine.Option(names = "--strict", description = "Fail when any file or line of the corpus cannot be read, instead of skipping it.")
  boolean strict;

  @Override
  public Integer call() {
    Bootstrap.Rebuilt rebuilt = new Bootstrap(at, spec.commandLine().getErr(), strict).rebuild();
    GenerationInfo info = rebuilt.info();
    spec.commandLine().getOut().printf("Indexed %d passages from %d documents (%d skipped) into %s in %d ms.%n",
        info.passages(), info.documents().size(), rebuilt.skipped(), at.index.resolve(info.name()), info.buildMillis());
    return 0;
  }
}
