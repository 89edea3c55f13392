package dev.minrole.generator.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Statement ids: a string, unique within the policy, and in identity policies letters and digits
 * only, as IAM requires.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html
 */
final class SidRule implements ValidationRule {
  @Override
  public List<Problem> check(PolicyDocument document, ValidationContext context) {
    List<Problem> out = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (PolicyDocument.Statement s : document.statements()) {
      JsonNode sid = s.get("Sid");
      if (sid.isMissingNode()) {
        continue;
      }
      String path = s.path() + ".Sid";
      if (!sid.isTextual()) {
        out.add(Problems.error("GRAMMAR", path, "Sid must be a string", "write it in quotes"));
        continue;
      }
      String text = sid.asText();
      if (context.type() == PolicyType.IDENTITY && !text.matches("[A-Za-z0-9]*")) {
        out.add(
            Problems.error(
                "GRAMMAR",
                path,
                "Sid \"" + text + "\" has characters IAM does not accept in identity policies",
                "use letters and digits only: " + text.replaceAll("[^A-Za-z0-9]", "")));
      }
      String first = seen.putIfAbsent(text, s.path());
      if (first != null && !text.isEmpty()) {
        out.add(
            Problems.error(
                "DUPLICATE_SID",
                path,
                "Sid \"" + text + "\" is also the Sid of " + first,
                "give each statement its own Sid"));
      }
    }
    return out;
  }
}
