package dev.minrole.generator.aws;

import dev.minrole.generator.diff.PolicyInputException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.model.AccessCheckPolicyType;
import software.amazon.awssdk.services.accessanalyzer.model.CheckNoNewAccessResponse;
import software.amazon.awssdk.services.accessanalyzer.model.CheckNoNewAccessResult;
import software.amazon.awssdk.services.accessanalyzer.model.PolicyType;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyFinding;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyFindingType;

/**
 * IAM Access Analyzer's opinion of a tightened policy: {@code CheckNoNewAccess} (the tightened
 * policy grants nothing the current one does not) and {@code ValidatePolicy} (no errors and no
 * security warnings). Each problem is one line; no problems means both checks passed.
 */
public final class AccessAnalyzerCheck {
  private final AccessAnalyzerClient client;

  public AccessAnalyzerCheck(AccessAnalyzerClient client) {
    this.client = client;
  }

  /** The problems found, empty if both checks pass. */
  public List<String> check(String tightened, String current) throws PolicyInputException {
    List<String> problems = new ArrayList<>();
    try {
      CheckNoNewAccessResponse noNew =
          client.checkNoNewAccess(
              r ->
                  r.newPolicyDocument(tightened)
                      .existingPolicyDocument(current)
                      .policyType(AccessCheckPolicyType.IDENTITY_POLICY));
      if (noNew.result() != CheckNoNewAccessResult.PASS) {
        problems.add(
            "CheckNoNewAccess: "
                + noNew.resultAsString()
                + ": "
                + AwsErrors.oneLine(String.valueOf(noNew.message()))
                + String.join(
                    "", noNew.reasons().stream().map(r -> "; " + r.description()).toList()));
      }
      List<ValidatePolicyFinding> findings =
          client
              .validatePolicyPaginator(
                  r -> r.policyDocument(tightened).policyType(PolicyType.IDENTITY_POLICY))
              .findings()
              .stream()
              .toList();
      for (ValidatePolicyFinding f : findings) {
        if (f.findingType() == ValidatePolicyFindingType.ERROR
            || f.findingType() == ValidatePolicyFindingType.SECURITY_WARNING) {
          problems.add(
              "ValidatePolicy: "
                  + f.findingTypeAsString()
                  + " "
                  + f.issueCode()
                  + ": "
                  + AwsErrors.oneLine(f.findingDetails()));
        }
      }
    } catch (SdkException e) {
      throw AwsErrors.of("IAM Access Analyzer", e);
    }
    return problems;
  }
}
