package com.example.receipts;

import software.amazon.awssdk.services.sqs.SqsClient;

class Fulfilment {
  private static final String QUEUE_URL =
      "https://sqs.eu-west-1.amazonaws.com/123456789012/fulfilment";

  private final SqsClient sqs;

  Fulfilment(SqsClient sqs) {
    this.sqs = sqs;
  }

  void announce(String id) {
    sqs.sendMessage(b -> b.queueUrl(QUEUE_URL).messageBody(id));
  }
}
