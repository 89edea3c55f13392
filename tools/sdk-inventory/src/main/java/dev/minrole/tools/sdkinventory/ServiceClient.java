package dev.minrole.tools.sdkinventory;

import java.util.List;
import java.util.SortedMap;

/**
 * Everything recorded about one service client (sync, with its async twin's event-stream
 * operations).
 *
 * @param artifact the Maven artifact id, e.g. {@code s3}
 * @param id the file name stem: the artifact id, or artifact plus sub-package for further clients
 *     in the same artifact (e.g. {@code dynamodb-streams})
 * @param packageName the client's package
 * @param serviceName the client's {@code SERVICE_NAME}
 * @param serviceMetadataId the client's {@code SERVICE_METADATA_ID}, or null
 * @param syncClient the sync client interface's simple name
 * @param asyncClient the async client interface's simple name, or null
 * @param operations the operations sorted by name
 * @param shapes the members of every structure reachable from a request (depth at most 4)
 * @param notes irregularities worth a line in the coverage report
 */
record ServiceClient(
    String artifact,
    String id,
    String packageName,
    String serviceName,
    String serviceMetadataId,
    String syncClient,
    String asyncClient,
    List<Operation> operations,
    SortedMap<String, List<Member>> shapes,
    List<String> notes) {}
