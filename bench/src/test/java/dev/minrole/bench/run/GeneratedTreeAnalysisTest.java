package dev.minrole.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.java.JavaProject;
import dev.minrole.analyzer.sdk.SdkInventory;
import dev.minrole.bench.generate.GenerateTree;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's expectations agree with the analyzer on the first two apps, which are wired by
 * hand (the fourth app of a tree is wired by Dagger, which the analyzer does not follow across
 * packages today).
 */
class GeneratedTreeAnalysisTest {
  @Test
  void analysis_ofHandWiredApps_findsWhatTheGeneratorExpects(@TempDir Path out) throws Exception {
    GenerateTree.main(
        new String[] {"--files", "60", "--out", out.toString(), "--without-record-constants"});
    Expectations expectations = Expectations.read(out.resolve("expected.tsv"));
    JavaProject project = JavaProject.load(List.of(out.resolve("tree")), SdkInventory.bundled());

    assertThat(expectations.handlers()).hasSize(8);
    for (String handler : expectations.handlers()) {
      JavaProject.Analyzed analyzed = (JavaProject.Analyzed) project.analyze(handler);
      assertThat(expectations.check(analyzed.analysis())).as(handler).isEmpty();
    }
  }
}
