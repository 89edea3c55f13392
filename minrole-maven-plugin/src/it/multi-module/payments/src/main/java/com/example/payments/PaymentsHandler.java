package com.example.payments;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

public class PaymentsHandler implements RequestHandler<Map<String, String>, String> {
  private static final String QUEUE_URL =
      "https://sqs.eu-west-1.amazonaws.com/123456789012/payments";

  private final SqsClient sqs = SqsClient.create();

  @Override
  public String handleRequest(Map<String, String> payment, Context context) {
    return sqs.sendMessage(b -> b.queueUrl(QUEUE_URL).messageBody(payment.get("id"))).messageId();
  }
}
