package dev.minrole.generator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class CatalogIndexTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static byte[] bundled() throws IOException {
    try (InputStream in =
        CatalogIndex.class.getResourceAsStream("/dev/minrole/generator/catalog/iam-catalog.json")) {
      return in.readAllBytes();
    }
  }

  /** The services as the JSON tokenizer finds them, from the start of the text. */
  private static SortedMap<String, CatalogIndex.Slice> byTokens(byte[] bytes) throws IOException {
    try (JsonParser parser = JSON.getFactory().createParser(bytes)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals("services")) {
          return CatalogIndex.servicesByTokens(parser);
        }
        parser.skipChildren();
      }
    }
    throw new AssertionError("no services");
  }

  @Test
  void of_bundledCatalog_findsEveryServiceByLinesExactlyAsTheTokenizerDoes() throws IOException {
    byte[] bytes = bundled();
    int open = new String(bytes, StandardCharsets.US_ASCII).indexOf("\"services\" : {") + 13;

    assertThat(CatalogIndex.servicesByLines(bytes, open)).isPresent();
    CatalogIndex index = CatalogIndex.of(bytes, JSON);
    assertThat(index.services()).hasSizeGreaterThan(400).isEqualTo(byTokens(bytes));
    assertThat(index.sourceVersion()).isNotEmpty();
    CatalogIndex.Slice s3 = index.services().get("s3");
    assertThat(
            JSON.readTree(bytes, s3.start(), s3.end() - s3.start())
                .path("actions")
                .has("GetObject"))
        .isTrue();
  }

  @Test
  void of_jsonLaidOutOtherwise_findsTheServicesByTokens() throws IOException {
    String compact =
        "{\"source\":{\"version\":\"1.2.3\"},\"services\":{\"b\":{\"name\":\"B\"},"
            + "\"a\":{\"name\":\"A\",\"actions\":{}}}}";
    byte[] bytes = compact.getBytes(StandardCharsets.UTF_8);

    CatalogIndex index = CatalogIndex.of(bytes, JSON);

    assertThat(index.sourceVersion()).isEqualTo("1.2.3");
    assertThat(index.services().keySet()).containsExactly("a", "b");
    CatalogIndex.Slice a = index.services().get("a");
    assertThat(compact.substring(a.start(), a.end())).isEqualTo("{\"name\":\"A\",\"actions\":{}}");
  }

  @Test
  void servicesByLines_whenALineBreaksTheLayout_givesUp() throws IOException {
    String pretty =
        """
        {
          "services" : {
            "a" : {
              "name" : "A"
            },
           "b" : { "name" : "B" }
          }
        }
        """;
    byte[] bytes = pretty.getBytes(StandardCharsets.UTF_8);

    assertThat(CatalogIndex.servicesByLines(bytes, pretty.indexOf('{', 2))).isEmpty();
    assertThat(CatalogIndex.of(bytes, JSON).services().keySet()).containsExactly("a", "b");
  }
}
