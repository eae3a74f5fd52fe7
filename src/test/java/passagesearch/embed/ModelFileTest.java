package passagesearch.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
  @TempDir Path tmp;

  @Test
  void aCopyIsNamedAfterItsProcessAndGoneWhenClosed() throws Exception {
    Path copy;
    try (ModelFile file = ModelFile.copy(new ByteArrayInputStream(new byte[] {1, 2, 3}))) {
      copy = file.path();
      assertEquals(ProcessHandle.current().pid(), ModelFile.owner(copy.getFileName().toString()));
      assertEquals(3, Files.size(copy));
    }
    assertFalse(Files.exists(copy));
  }

  @Test
  void copiesOfEndedProcessesAreRemovedAndOthersKept() throws Exception {
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    Path orphan = Files.writeString(tmp.resolve("passage-search-model-" + ended.pid() + "-123.onnx"), "left");
    Path mine = Files.writeString(tmp.resolve("passage-search-model-" + ProcessHandle.current().pid() + "-456.onnx"), "in use");
    Path unnamed = Files.writeString(tmp.resolve("passage-search-model-x-789.onnx"), "no process");
    Path other = Files.writeString(tmp.resolve("something-else.onnx"), "not ours");
    ModelFile.removeOrphans(tmp);
    assertFalse(Files.exists(orphan), "the copy of an ended process");
    assertTrue(Files.exists(mine), "the copy of a running process");
    assertTrue(Files.exists(unnamed));
    assertTrue(Files.exists(other));
  }
}
