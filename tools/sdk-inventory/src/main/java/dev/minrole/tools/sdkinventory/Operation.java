package dev.minrole.tools.sdkinventory;

import java.util.List;

/**
 * One operation of a service client.
 *
 * @param name the operation name, e.g. {@code GetObject}
 * @param method the client method, e.g. {@code getObject}
 * @param request the request's simple class name
 * @param paginators client methods that page through this operation
 * @param waiters waiter methods that poll with this operation's request
 * @param streamingInput whether a form takes a {@code RequestBody} or {@code AsyncRequestBody}
 * @param streamingOutput whether a form takes a {@code ResponseTransformer} or {@code
 *     AsyncResponseTransformer}
 * @param members the request's members in SDK order
 * @param aliases other sync or async client methods that perform the operation: they take its
 *     request, or a {@code Consumer} of its builder, first ({@code getObjectAsBytes})
 * @param asyncOnly whether only the async client has the operation (event streams)
 */
record Operation(
    String name,
    String method,
    String request,
    List<String> paginators,
    List<String> waiters,
    boolean streamingInput,
    boolean streamingOutput,
    List<Member> members,
    List<String> aliases,
    boolean asyncOnly) {

  Operation with(List<String> aliases, boolean asyncOnly) {
    return new Operation(
        name,
        method,
        request,
        paginators,
        waiters,
        streamingInput,
        streamingOutput,
        members,
        aliases,
        asyncOnly);
  }
}
