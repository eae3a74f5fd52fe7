package passagesearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passagesearch.TestSupport;
import passagesearch.cli.Main;
import picocli.CommandLine;

/**
 * Relevance cannot regress silently: the project's own eval command on the held-out seed queries must
 * stay above the recorded floor and well above the plain baseline.
 */
class EvaluationTest {
  /** Held-out nDCG@10 measured when the floor was set (0.836 on 2026-11-24), less a small margin. */
  static final double HELD_OUT_FLOOR = 0.82;
  static final double OVER_BASELINE = 0.15;

  @TempDir Path tmp;

  record Line(double system, double baseline) {}

  Line evaluate(String split) {
    CommandLine cmd = Main.commandLine();
    StringWriter out = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(new StringWriter(), true));
    int code = cmd.execute("eval", "--split", split,
        "--corpus", TestSupport.corpus().toString(),
        "--config", TestSupport.config().toString(),
        "--judged", TestSupport.root().resolve("eval/seed").toString(),
        "--eval-index", tmp.toString());
    assertEquals(0, code, out.toString());
    Matcher m = Pattern.compile("(?m)^all\\s+(\\d+) \\| ([\\d.]+) .*\\| ([\\d.]+) ").matcher(out.toString());
    assertTrue(m.find(), out.toString());
    assertTrue(Integer.parseInt(m.group(1)) >= 40, "queries: " + m.group(1));
    return new Line(Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)));
  }

  @Test
  void heldOutQueriesStayAboveTheFloorAndTheBaseline() {
    Line heldOut = evaluate("heldout");
    assertTrue(heldOut.system() >= HELD_OUT_FLOOR, "held-out nDCG@10 " + heldOut.system() + " < " + HELD_OUT_FLOOR);
    assertTrue(heldOut.system() - heldOut.baseline() >= OVER_BASELINE,
        "held-out: system " + heldOut.system() + " vs baseline " + heldOut.baseline());
  }
}
