package com.example.receipts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

public class ReceiptHandler implements RequestHandler<Map<String, String>, String> {
  private final ReceiptStore store = new ReceiptStore(S3Client.create(), System.getenv("BUCKET"));
  private final Fulfilment fulfilment = new Fulfilment(SqsClient.create());

  @Override
  public String handleRequest(Map<String, String> order, Context context) {
    String id = order.get("id");
    store.write(id, order.toString());
    fulfilment.announce(id);
    return id;
  }
}
