package dev.minrole.analyzer.cloudtrail;

import java.util.List;
import java.util.Map;

/**
 * One CloudTrail record, reduced to the fields minrole reads. Absent strings are empty. {@code
 * issuerArn} is {@code userIdentity.sessionContext.sessionIssuer.arn}, {@code principalArn} is
 * {@code userIdentity.arn}; {@code resources} are the {@code resources[].ARN} values, and {@code
 * parameters} the request parameters that name a resource (only those the reader was asked for, and
 * only string values).
 */
public record TrailEvent(
    String eventTime,
    String eventSource,
    String eventName,
    String region,
    String account,
    String issuerArn,
    String principalArn,
    String errorCode,
    String errorMessage,
    boolean dataEvent,
    List<String> resources,
    Map<String, String> parameters) {

  public TrailEvent {
    resources = resources.isEmpty() ? List.of() : List.copyOf(resources);
    parameters = parameters.isEmpty() ? Map.of() : Map.copyOf(parameters);
  }
}
