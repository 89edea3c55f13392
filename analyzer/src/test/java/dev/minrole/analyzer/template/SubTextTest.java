package dev.minrole.analyzer.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.template.SubText.Plain;
import dev.minrole.analyzer.template.SubText.Variable;
import org.junit.jupiter.api.Test;

class SubTextTest {

  @Test
  void pieces_whenTextHasVariables_isPlainBeforeEachAndAtTheEnd() {
    assertThat(SubText.pieces("arn:${AWS::Partition}:s3:::${Bucket}"))
        .containsExactly(
            new Plain("arn:"),
            new Variable("AWS::Partition"),
            new Plain(":s3:::"),
            new Variable("Bucket"),
            new Plain(""));
  }

  @Test
  void pieces_whenAVariableIsEscaped_keepsItAsPlainText() {
    assertThat(SubText.pieces("${Media.Arn}/home/${!aws:username}/*"))
        .containsExactly(
            new Plain(""), new Variable("Media.Arn"), new Plain("/home/${aws:username}/*"));
  }

  @Test
  void pieces_whenABraceIsNeverClosed_keepsTheRestAsPlainText() {
    assertThat(SubText.pieces("a-${Stage}-${oops"))
        .containsExactly(new Plain("a-"), new Variable("Stage"), new Plain("-${oops"));
    assertThat(SubText.pieces("")).containsExactly(new Plain(""));
  }
}
