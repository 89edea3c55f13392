package dev.minrole.generator.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YamlWriterTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2012-10-17", "123456789012", "true", "No", "null", "~", "*", "arn:aws:s3:::media/*",
            "a: b", "x #y",
        "ends:", "-dash", "@at", "quote\"d", "back\\slash", "${AWS::Region}", "", " lead",
            "tab\there", "line\nbreak",
        "s3:prefix", "AWS::IAM::Role", "lambda.amazonaws.com"
      })
  void scalar_readsBackAsTheSameString(String text) throws Exception {
    String yaml = YamlWriter.write(Yaml.map("key", Yaml.text(text)));
    assertThat(YAML.readTree(yaml).path("key").isTextual()).as(yaml).isTrue();
    assertThat(YAML.readTree(yaml).path("key").asText()).as(yaml).isEqualTo(text);
  }

  @Test
  void write_nestsMappingsAndSequencesInBlockStyle() {
    Yaml doc =
        Yaml.map(
            "Resources",
            Yaml.map(
                "Role",
                Yaml.map(
                    "List",
                    Yaml.seq(
                        List.of(
                            Yaml.map(
                                "A", Yaml.text("x1"), "B", Yaml.seq(List.of(Yaml.text("b"))))))),
                "Empty",
                Yaml.seq(List.of()),
                "Ref",
                new Yaml.Tagged("!Sub", "arn:${AWS::Partition}:s3:::x")));
    assertThat(YamlWriter.write(doc))
        .isEqualTo(
            """
            Resources:
              Role:
                List:
                  - A: x1
                    B:
                      - b
              Empty: []
              Ref: !Sub "arn:${AWS::Partition}:s3:::x"
            """);
  }
}
