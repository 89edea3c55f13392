package dev.minrole.analyzer.java;

import dev.minrole.analyzer.sdk.SdkOperation;
import dev.minrole.analyzer.sdk.SdkService;
import java.util.List;

/**
 * An SDK operation a call performs, with the evaluated request objects (each holding the members
 * set on it) and how the code made the call, e.g. {@code S3Client.getObject}.
 */
record Recognized(SdkService service, SdkOperation operation, List<Value> requests, String detail) {
  Recognized {
    requests = List.copyOf(requests);
  }
}
