package dev.minrole.tools.sdkinventory;

import java.util.List;

/**
 * One operation of a sync client.
 *
 * @param name the operation name, e.g. {@code GetObject}
 * @param method the client method, e.g. {@code getObject}
 * @param request the request's simple class name
 * @param paginators client methods that page through this operation
 * @param waiters waiter methods that poll with this operation's request
 * @param streamingInput whether a form takes a {@code RequestBody} (or a {@code Path} to upload)
 * @param streamingOutput whether a form takes a {@code ResponseTransformer} (or a {@code Path})
 * @param members the request's members in SDK order
 */
record Operation(
    String name,
    String method,
    String request,
    List<String> paginators,
    List<String> waiters,
    boolean streamingInput,
    boolean streamingOutput,
    List<Member> members) {}
