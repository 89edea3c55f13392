package dev.minrole.tools.sdkinventory;

import java.util.List;

/**
 * One AWS SDK for Java 1.x client interface, as recorded in the 1.x inventory.
 *
 * @param type the interface, e.g. {@code com.amazonaws.services.s3.AmazonS3}
 * @param parents the client interfaces of the same artifact it extends ({@code AmazonDynamoDBAsync}
 *     extends {@code AmazonDynamoDB})
 * @param implementation the client class whose source was traced, or null
 * @param builders the builder classes whose {@code build()} gives this interface
 * @param endpointPrefix the interface's {@code ENDPOINT_PREFIX}, or null
 * @param v2 the SDK v2 service the client's operations belong to, or null if none matched
 * @param methods the methods the interface itself declares, sorted by name and parameters
 */
record Sdk1Client(
    String type,
    List<String> parents,
    String implementation,
    List<String> builders,
    String endpointPrefix,
    V2Service v2,
    List<Method> methods) {

  /** An SDK v2 sync client: package, simple name and {@code SERVICE_NAME}. */
  record V2Service(String packageName, String client, String serviceName, String file) {}

  /**
   * One client method.
   *
   * @param name the method name, e.g. {@code getObject}
   * @param params the erased simple names of its parameter types
   * @param operations the operations it sends, sorted; empty for {@code local} and {@code untraced}
   * @param args per parameter: {@code request} (the request object), a request property it sets
   *     ({@code BucketName}), or empty
   * @param status {@code mapped}, {@code local} (it sends no request: {@code setRegion}, {@code
   *     generatePresignedUrl}) or {@code untraced} (it sends requests, but which could not be read)
   */
  record Method(
      String name,
      List<String> params,
      List<String> operations,
      List<String> args,
      String status) {}
}
