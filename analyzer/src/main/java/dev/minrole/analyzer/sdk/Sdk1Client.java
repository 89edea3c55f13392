package dev.minrole.analyzer.sdk;

import java.util.List;

/**
 * An AWS SDK for Java 1.x client interface ({@code com.amazonaws.services.s3.AmazonS3}) and the SDK
 * v2 client whose operations it sends.
 *
 * @param type the interface's fully qualified name
 * @param parents the client interfaces it extends ({@code AmazonSQSAsync} extends {@code
 *     AmazonSQS})
 * @param file the inventory file of its artifact, relative to {@code sdk1/}
 * @param serviceName the v2 {@code SERVICE_NAME}; empty if no v2 service matched
 * @param v2Client the v2 sync client's fully qualified name; empty if none matched
 */
public record Sdk1Client(
    String type, List<String> parents, String file, String serviceName, String v2Client) {

  public Sdk1Client {
    parents = List.copyOf(parents);
  }

  public String simpleName() {
    return type.substring(type.lastIndexOf('.') + 1);
  }

  public String packageName() {
    return type.substring(0, type.lastIndexOf('.'));
  }
}
