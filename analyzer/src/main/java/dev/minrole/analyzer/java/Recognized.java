package dev.minrole.analyzer.java;

import dev.minrole.analyzer.sdk.SdkOperation;
import dev.minrole.analyzer.sdk.SdkService;
import java.util.List;
import java.util.Optional;

/**
 * An SDK operation a call performs, with the evaluated request objects (each holding the members
 * set on it), how the code made the call, e.g. {@code S3Client.getObject}, and the waiter that
 * makes it, if one does.
 */
record Recognized(
    SdkService service,
    SdkOperation operation,
    List<Value> requests,
    String detail,
    Optional<String> waiter) {
  Recognized {
    requests = List.copyOf(requests);
  }

  Recognized(SdkService service, SdkOperation operation, List<Value> requests, String detail) {
    this(service, operation, requests, detail, Optional.empty());
  }
}
