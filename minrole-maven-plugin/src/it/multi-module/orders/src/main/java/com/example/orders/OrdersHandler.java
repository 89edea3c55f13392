package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

public class OrdersHandler implements RequestHandler<Map<String, String>, String> {
  private static final String TABLE = System.getenv("TABLE");

  private final DynamoDbClient dynamo = DynamoDbClient.create();

  @Override
  public String handleRequest(Map<String, String> request, Context context) {
    return dynamo
        .getItem(b -> b.tableName(TABLE).key(Map.of("id", AttributeValue.fromS(request.get("id")))))
        .item()
        .toString();
  }
}
