package dev.minrole.generator.observed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectKeyFoldingTest {
  @Test
  void fold_whenFewKeys_keepsThemExact() {
    List<String> keys =
        List.of("arn:aws:s3:::b/a.txt", "arn:aws:s3:::b/in/c.txt", "arn:aws:s3:::other/x");

    assertThat(ObjectKeyFolding.fold(keys)).allSatisfy((k, v) -> assertThat(v).isEqualTo(k));
  }

  @Test
  void fold_whenTenThousandKeysUnderOneFolder_givesOnePatternWithTheirExtension() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      keys.add("arn:aws:s3:::media/uploads/2024/05/%02d/img-%d.jpg".formatted(i % 31 + 1, i));
    }

    assertThat(new HashSet<>(ObjectKeyFolding.fold(keys).values()))
        .containsExactly("arn:aws:s3:::media/uploads/2024/05/*.jpg");
  }

  @Test
  void fold_keepsSeparateFoldersApartWhenTheyFit() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      keys.add("arn:aws:s3:::b/in/" + i + ".csv");
      keys.add("arn:aws:s3:::b/out/" + i + ".json");
      keys.add("arn:aws:s3:::b/tmp/" + i + (i % 2 == 0 ? ".a" : ".b"));
    }

    assertThat(new HashSet<>(ObjectKeyFolding.fold(keys).values()))
        .containsExactlyInAnyOrder(
            "arn:aws:s3:::b/in/*.csv", "arn:aws:s3:::b/out/*.json", "arn:aws:s3:::b/tmp/*");
  }

  @Test
  void fold_neverGoesAboveTheBucketOrMixesBuckets() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      keys.add("arn:aws:s3:::one/k" + i);
      keys.add("arn:aws:s3:::two/d" + i + "/k");
    }

    assertThat(new HashSet<>(ObjectKeyFolding.fold(keys).values()))
        .containsExactlyInAnyOrder("arn:aws:s3:::one/*", "arn:aws:s3:::two/*");
  }
}
