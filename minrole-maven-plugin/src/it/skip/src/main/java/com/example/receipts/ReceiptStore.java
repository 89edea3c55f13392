package com.example.receipts;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

class ReceiptStore {
  private final S3Client s3;
  private final String bucket;

  ReceiptStore(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  void write(String id, String body) {
    PutObjectRequest request =
        PutObjectRequest.builder().bucket(bucket).key("receipts/" + id + ".json").build();
    s3.putObject(request, RequestBody.fromString(body));
  }

  /** Never called by the handler: its permission is not needed. */
  void delete(String id) {
    s3.deleteObject(b -> b.bucket(bucket).key("receipts/" + id + ".json"));
  }
}
