package dev.minrole.generator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The index's work, counted in candidates rather than time: a lookup returns only patterns whose
 * literal ends fit, so on distinct resources the candidates stay one per lookup however many
 * patterns there are, and nothing that may cover is ever left out.
 */
class CoverIndexTest {
  private static final int N = 20_000;

  @Test
  void candidates_ofDistinctBuckets_areOnlyTheirOwnPattern() {
    CoverIndex index = new CoverIndex(false);
    for (int i = 0; i < N; i++) {
      index.add("arn:aws:s3:::bucket-" + i + "/*", i);
    }
    long work = 0;
    for (int i = 0; i < N; i++) {
      String object = "arn:aws:s3:::bucket-" + i + "/in/" + i + ".json";
      work += index.count(object);
      assertThat(index.candidates(object)).containsExactly(i);
    }
    assertThat(work).isEqualTo(N);
  }

  @Test
  void candidates_ofLeadingStars_comeFromTheSuffixes() {
    CoverIndex index = new CoverIndex(true);
    for (int i = 0; i < N; i++) {
      index.add("s3:*Object" + i, i);
    }
    index.add("*", N);
    assertThat(index.candidates("s3:GetObject17")).containsExactlyInAnyOrder(17, N);
    assertThat(index.count("S3:GETOBJECT17")).isEqualTo(2);
  }

  @Test
  void candidates_neverMissAPatternThatCovers() {
    List<String> patterns =
        List.of(
            "*",
            "**",
            "s3:*",
            "s3:Get*",
            "S3:get*Object",
            "*Object",
            "s3:?etObject",
            "s3:GetObject",
            "sqs:*",
            "*:*Acl");
    CoverIndex index = new CoverIndex(true);
    for (int i = 0; i < patterns.size(); i++) {
      index.add(patterns.get(i), i);
    }
    for (String asked : List.of("s3:GetObject", "s3:Get*", "s3:GetObjectAcl", "sqs:SendMessage")) {
      List<Integer> covering = new ArrayList<>();
      for (int i = 0; i < patterns.size(); i++) {
        if (Glob.coversIgnoreCase(patterns.get(i), asked)) {
          covering.add(i);
        }
      }
      assertThat(index.candidates(asked)).as(asked).containsAll(covering);
    }
  }
}
