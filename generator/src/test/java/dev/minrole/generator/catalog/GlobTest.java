package dev.minrole.generator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {
  @ParameterizedTest(name = "{0} covers {1}: {2}")
  @CsvSource({
    "*, arn:aws:s3:::media/a.jpg, true",
    "arn:aws:s3:::media/*, arn:aws:s3:::media/in/*, true",
    "arn:aws:s3:::media/in/*, arn:aws:s3:::media/*, false",
    "arn:aws:s3:::media/*, arn:aws:s3:::media/a?c, true",
    "arn:aws:s3:::media/a?c, arn:aws:s3:::media/a*c, false",
    "arn:aws:s3:::media/a?c, arn:aws:s3:::media/abc, true",
    "arn:aws:s3:::media/a?c, arn:aws:s3:::media/a?c, true",
    "arn:aws:s3:::media/abc, arn:aws:s3:::media/a?c, false",
    "arn:aws:dynamodb:*:*:table/orders, arn:aws:dynamodb:eu-west-1:1:table/orders, true",
    "arn:aws:dynamodb:eu-west-1:1:table/orders, arn:aws:dynamodb:*:*:table/orders, false",
    "arn:aws:s3:::Media/*, arn:aws:s3:::media/x, false",
    "arn:aws:s3:::*/*.jpg, arn:aws:s3:::photos/originals/*.jpg, true",
    "arn:aws:s3:::photos/*.png, arn:aws:s3:::photos/originals/*.jpg, false"
  })
  void covers(String broad, String narrow, boolean expected) {
    assertThat(Glob.covers(broad, narrow)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} overlaps {1}: {2}")
  @CsvSource({
    "arn:aws:s3:::media/*, arn:aws:s3:::*/secret, true",
    "arn:aws:s3:::media/*, arn:aws:s3:::other/*, false",
    "table/a*, table/*b, true",
    "table/a?, table/ab, true",
    "table/a?, table/abc, false",
    "*, x, true",
    "abc, abd, false"
  })
  void overlaps(String a, String b, boolean expected) {
    assertThat(Glob.overlaps(a, b)).isEqualTo(expected);
    assertThat(Glob.overlaps(b, a)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} covers action {1}: {2}")
  @CsvSource({
    "s3:Get*, s3:GetObject, true",
    "S3:get*, s3:GetObject, true",
    "s3:Get*, s3:PutObject, false"
  })
  void coversIgnoreCase_forActions(String broad, String narrow, boolean expected) {
    assertThat(Glob.coversIgnoreCase(broad, narrow)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource({
    "**, s3:GetObject, true",
    "***, '', true",
    "*:GetObject, s3:GetObject, true",
    "s3*, s3:GetObject, true",
    "s3:Get?bject, s3:GetObject, true",
    "s3:Get?bject, s3:Getbject, false",
    "s3:*Obj*t, s3:GetObjectAcl, false",
    "s3:*Obj*t*, s3:GetObjectAcl, true"
  })
  void matchesIgnoreCase_readsEveryStarAsAnyRun(String pattern, String text, boolean expected) {
    assertThat(Glob.matchesIgnoreCase(pattern, text)).isEqualTo(expected);
  }

  @Test
  void covers_manyStarsOnALongText_answersWithoutBacktracking() {
    String pattern = "arn:aws:s3:::b/" + "*a".repeat(300) + "*b";
    String noB = "arn:aws:s3:::b/" + "a".repeat(20_000);
    assertThat(Glob.covers(pattern, noB)).isFalse();
    assertThat(Glob.covers(pattern, noB + "b")).isTrue();
    assertThat(Glob.matches(pattern, noB)).isFalse();
    assertThat(Glob.overlaps(pattern, noB)).isFalse();
    assertThat(Glob.overlaps(pattern, noB + "*")).isTrue();
  }

  @Test
  void everything_isOnlyStars() {
    assertThat(Glob.everything("*")).isTrue();
    assertThat(Glob.everything("***")).isTrue();
    assertThat(Glob.everything("")).isFalse();
    assertThat(Glob.everything("*?")).isFalse();
  }
}
