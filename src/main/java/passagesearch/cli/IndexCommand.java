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

  @Override
  public Integer call() {
    GenerationInfo info = new Bootstrap(at, spec.commandLine().getErr()).rebuild();
    spec.commandLine().getOut().printf("Indexed %d passages from %d documents into %s in %d ms.%n",
        info.passages(), info.documents().size(), at.index.resolve(info.name()), info.buildMillis());
    return 0;
  }
}
