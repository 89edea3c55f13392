package dev.minrole.analyzer.java;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Virtual calls: inherited handlers, interfaces and abstract classes, inner, anonymous and local
 * classes, reaching only what the function creates. Each test is a small project analyzed from its
 * handler, with every SDK call it reaches marked in place ({@link AnalyzerHarness}): a call the
 * code does not make, or one it makes that is not marked, fails the test, and so does any finding
 * not marked.
 */
class DispatchProjectsTest {

  /**
   * The handler class inherits {@code handleRequest} from an abstract base ({@code S3EventHandler})
   * that walks the S3 event and calls the abstract {@code handleObject} and the overridable {@code
   * onFailure} and {@code afterBatch} hooks. {@code ThumbnailHandler} overrides {@code
   * handleObject} and {@code afterBatch} (which calls {@code super.afterBatch}), and keeps the
   * base's {@code onFailure}. So the function reads {@code acme-media-uploads} (with {@code
   * getObjectAsBytes}), writes {@code acme-media-thumbnails} under {@code thumbs/*.jpg}, sends to
   * the failures queue (base default) and publishes to the batch topic (base method reached through
   * {@code super}). The sibling {@code VideoArchiveHandler} is never instantiated by this function,
   * so its {@code onFailure} override ({@code PutItem} on {@code media-archive-failures}) and the
   * {@code MediaStore.archive}/{@code deleteUpload} calls ({@code CopyObject}, {@code
   * DeleteObject}, anything on {@code acme-media-archive}) are not reached.
   */
  @Test
  void inheritedHandler_runsTheOverridesAndTheBaseDefaults_notASiblingsCode() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("com.acme.media.lambda.ThumbnailHandler::handleRequest")
            .file(
                "com/acme/media/lambda/S3EventHandler.java",
                """
                package com.acme.media.lambda;

                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                import com.amazonaws.services.lambda.runtime.events.S3Event;
                import software.amazon.awssdk.services.sns.SnsClient;
                import software.amazon.awssdk.services.sqs.SqsClient;

                /**
                 * Base class of the media pipeline functions: walks the records of an S3 event, hands each object
                 * to the subclass, parks failures on a queue and announces the batch.
                 */
                public abstract class S3EventHandler implements RequestHandler<S3Event, Void> {
                  private static final String FAILURES_QUEUE =
                      "https://sqs.eu-west-1.amazonaws.com/123456789012/media-failures";
                  private static final String BATCH_TOPIC = "arn:aws:sns:eu-west-1:123456789012:media-batches";

                  private final SqsClient sqs = SqsClient.create();
                  private final SnsClient sns = SnsClient.create();

                  @Override
                  public final Void handleRequest(S3Event event, Context context) {
                    int processed = 0;
                    for (var record : event.getRecords()) {
                      String key = record.getS3().getObject().getUrlDecodedKey();
                      try {
                        handleObject(key);
                        processed++;
                      } catch (RuntimeException e) {
                        context.getLogger().log("failed " + key + ": " + e.getMessage());
                        onFailure(key, e);
                      }
                    }
                    afterBatch(processed);
                    return null;
                  }

                  /** Processes one uploaded object. */
                  protected abstract void handleObject(String key);

                  /** Parks the key for a retry; subclasses with their own bookkeeping override this. */
                  protected void onFailure(String key, RuntimeException error) {
                    // SDK: sqs.SendMessage QueueUrl=https://sqs.eu-west-1.amazonaws.com/123456789012/media-failures
                    sqs.sendMessage(m -> m.queueUrl(FAILURES_QUEUE).messageBody(key));
                  }

                  protected void afterBatch(int processed) {
                    // SDK: sns.Publish TopicArn=arn:aws:sns:eu-west-1:123456789012:media-batches
                    // SDK: sns.Publish TopicArn=arn:aws:sns:eu-west-1:123456789012:media-batches
                    sns.publish(p -> p.topicArn(BATCH_TOPIC).message("processed " + processed));
                  }
                }
                """)
            .file(
                "com/acme/media/lambda/ThumbnailHandler.java",
                """
                package com.acme.media.lambda;

                import com.acme.media.render.ThumbnailRenderer;
                import com.acme.media.storage.MediaStore;
                import software.amazon.awssdk.services.s3.S3Client;

                /** Renders a thumbnail for every uploaded image. */
                public class ThumbnailHandler extends S3EventHandler {
                  private final MediaStore store = new MediaStore(S3Client.create());
                  private final ThumbnailRenderer renderer = new ThumbnailRenderer(320);

                  @Override
                  protected void handleObject(String key) {
                    byte[] original = store.readUpload(key);
                    store.writeThumbnail(key, renderer.render(original));
                  }

                  @Override
                  protected void afterBatch(int processed) {
                    if (processed > 0) {
                      super.afterBatch(processed);
                    }
                  }
                }
                """)
            .file(
                "com/acme/media/lambda/VideoArchiveHandler.java",
                """
                package com.acme.media.lambda;

                import com.acme.media.storage.MediaStore;
                import java.util.Map;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
                import software.amazon.awssdk.services.s3.S3Client;

                /** A second function of the same pipeline: moves uploaded videos to the archive bucket. */
                public class VideoArchiveHandler extends S3EventHandler {
                  private final MediaStore store = new MediaStore(S3Client.create());
                  private final DynamoDbClient dynamo = DynamoDbClient.create();

                  @Override
                  protected void handleObject(String key) {
                    store.archive(key);
                    store.deleteUpload(key);
                  }

                  @Override
                  protected void onFailure(String key, RuntimeException error) {
                    dynamo.putItem(
                        p ->
                            p.tableName("media-archive-failures")
                                .item(Map.of("key", AttributeValue.fromS(key), "error", AttributeValue.fromS(String.valueOf(error)))));
                  }
                }
                """)
            .file(
                "com/acme/media/render/ThumbnailRenderer.java",
                """
                package com.acme.media.render;

                import java.awt.image.BufferedImage;
                import java.io.ByteArrayInputStream;
                import java.io.ByteArrayOutputStream;
                import java.io.IOException;
                import java.io.UncheckedIOException;
                import javax.imageio.ImageIO;

                /** Scales an image down to a square thumbnail. */
                public final class ThumbnailRenderer {
                  private final int size;

                  public ThumbnailRenderer(int size) {
                    this.size = size;
                  }

                  public byte[] render(byte[] original) {
                    try {
                      BufferedImage source = ImageIO.read(new ByteArrayInputStream(original));
                      BufferedImage thumb = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
                      thumb.getGraphics().drawImage(source, 0, 0, size, size, null);
                      ByteArrayOutputStream out = new ByteArrayOutputStream();
                      ImageIO.write(thumb, "jpg", out);
                      return out.toByteArray();
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  }
                }
                """)
            .file(
                "com/acme/media/storage/Buckets.java",
                """
                package com.acme.media.storage;

                /** The buckets of the media pipeline. */
                public final class Buckets {
                  public static final String UPLOADS = "acme-media-uploads";
                  public static final String THUMBNAILS = "acme-media-thumbnails";
                  public static final String ARCHIVE = "acme-media-archive";

                  private Buckets() {}
                }
                """)
            .file(
                "com/acme/media/storage/MediaStore.java",
                """
                package com.acme.media.storage;

                import software.amazon.awssdk.core.sync.RequestBody;
                import software.amazon.awssdk.services.s3.S3Client;
                import software.amazon.awssdk.services.s3.model.GetObjectRequest;
                import software.amazon.awssdk.services.s3.model.PutObjectRequest;

                /** All S3 access of the media functions. */
                public final class MediaStore {
                  private final S3Client s3;

                  public MediaStore(S3Client s3) {
                    this.s3 = s3;
                  }

                  public byte[] readUpload(String key) {
                    GetObjectRequest request = GetObjectRequest.builder().bucket(Buckets.UPLOADS).key(key).build();
                    // SDK: s3.GetObject Bucket=acme-media-uploads Key=?
                    return s3.getObjectAsBytes(request).asByteArray();
                  }

                  public void writeThumbnail(String key, byte[] jpeg) {
                    PutObjectRequest request =
                        PutObjectRequest.builder()
                            .bucket(Buckets.THUMBNAILS)
                            .key("thumbs/" + key + ".jpg")
                            .contentType("image/jpeg")
                            .build();
                    // SDK: s3.PutObject Bucket=acme-media-thumbnails Key=thumbs/*.jpg
                    s3.putObject(request, RequestBody.fromBytes(jpeg));
                  }

                  public void archive(String key) {
                    s3.copyObject(
                        c ->
                            c.sourceBucket(Buckets.UPLOADS)
                                .sourceKey(key)
                                .destinationBucket(Buckets.ARCHIVE)
                                .destinationKey("videos/" + key));
                  }

                  public void deleteUpload(String key) {
                    s3.deleteObject(d -> d.bucket(Buckets.UPLOADS).key(key));
                  }
                }
                """)
            .check();
    assertThat(analysis.findings()).isEmpty();
  }

  /**
   * Calls across packages through an interface ({@code Channel}, with a default method that {@code
   * EmailChannel} overrides) and an abstract class ({@code AbstractChannel}) whose final template
   * method calls an abstract {@code deliver} and an inherited {@code recordDelivery}. The handler
   * builds a list of a {@code SlackChannel} and an {@code EmailChannel} and sends through each: the
   * function invokes {@code slack-notifier}, sends to {@code email-outbox} and writes {@code
   * notification-log} (the superclass method, reached for both channels). {@code WebhookChannel}
   * extends the same base but is never created, so nothing sends to {@code webhook-outbox}. Every
   * implementation these virtual calls can reach is one the function creates itself, so the choice
   * is exact and there is no {@code AMBIGUOUS_TARGET} finding.
   */
  @Test
  void interfaceAndAbstractClassCalls_reachOnlyTheChannelsTheFunctionCreates() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("com.acme.notifications.NotificationHandler::handleRequest")
            .file(
                "com/acme/notifications/Notification.java",
                """
                package com.acme.notifications;

                /** A message for one user on the channels they chose. */
                public record Notification(String id, String userId, String kind, String text) {}
                """)
            .file(
                "com/acme/notifications/NotificationHandler.java",
                """
                package com.acme.notifications;

                import com.acme.notifications.channel.Channel;
                import com.acme.notifications.channel.EmailChannel;
                import com.acme.notifications.channel.SlackChannel;
                import com.acme.notifications.log.DeliveryLog;
                import java.util.List;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.lambda.LambdaClient;
                import software.amazon.awssdk.services.sqs.SqsClient;

                public class NotificationHandler {
                  private final List<Channel> channels;

                  public NotificationHandler() {
                    DeliveryLog log = new DeliveryLog(DynamoDbClient.create());
                    this.channels =
                        List.of(new SlackChannel(LambdaClient.create(), log), new EmailChannel(SqsClient.create(), log));
                  }

                  public int handleRequest(Notification notification) {
                    int sent = 0;
                    for (Channel channel : channels) {
                      if (channel.accepts(notification)) {
                        channel.send(notification);
                        sent++;
                      }
                    }
                    return sent;
                  }
                }
                """)
            .file(
                "com/acme/notifications/channel/AbstractChannel.java",
                """
                package com.acme.notifications.channel;

                import com.acme.notifications.Notification;
                import com.acme.notifications.log.DeliveryLog;

                /** Delivers, then writes the delivery log entry every channel needs. */
                public abstract class AbstractChannel implements Channel {
                  private final DeliveryLog log;

                  protected AbstractChannel(DeliveryLog log) {
                    this.log = log;
                  }

                  @Override
                  public final void send(Notification notification) {
                    deliver(notification);
                    recordDelivery(notification);
                  }

                  protected abstract void deliver(Notification notification);

                  protected void recordDelivery(Notification notification) {
                    log.delivered(notification.id(), name());
                  }
                }
                """)
            .file(
                "com/acme/notifications/channel/Channel.java",
                """
                package com.acme.notifications.channel;

                import com.acme.notifications.Notification;

                public interface Channel {
                  String name();

                  void send(Notification notification);

                  default boolean accepts(Notification notification) {
                    return !notification.text().isBlank();
                  }
                }
                """)
            .file(
                "com/acme/notifications/channel/EmailChannel.java",
                """
                package com.acme.notifications.channel;

                import com.acme.notifications.Notification;
                import com.acme.notifications.log.DeliveryLog;
                import software.amazon.awssdk.services.sqs.SqsClient;

                /** Email goes through the mailer service, which reads its outbox queue. */
                public class EmailChannel extends AbstractChannel {
                  static final String OUTBOX = "https://sqs.eu-west-2.amazonaws.com/246813579024/email-outbox";
                  private final SqsClient sqs;

                  public EmailChannel(SqsClient sqs, DeliveryLog log) {
                    super(log);
                    this.sqs = sqs;
                  }

                  @Override
                  public String name() {
                    return "email";
                  }

                  @Override
                  public boolean accepts(Notification notification) {
                    return !"sms-only".equals(notification.kind());
                  }

                  @Override
                  protected void deliver(Notification notification) {
                    // SDK: sqs.SendMessage QueueUrl=https://sqs.eu-west-2.amazonaws.com/246813579024/email-outbox
                    sqs.sendMessage(m -> m.queueUrl(OUTBOX).messageBody(notification.userId() + "|" + notification.text()));
                  }
                }
                """)
            .file(
                "com/acme/notifications/channel/SlackChannel.java",
                """
                package com.acme.notifications.channel;

                import com.acme.notifications.Notification;
                import com.acme.notifications.log.DeliveryLog;
                import software.amazon.awssdk.core.SdkBytes;
                import software.amazon.awssdk.services.lambda.LambdaClient;
                import software.amazon.awssdk.services.lambda.model.InvocationType;

                public class SlackChannel extends AbstractChannel {
                  private final LambdaClient lambda;

                  public SlackChannel(LambdaClient lambda, DeliveryLog log) {
                    super(log);
                    this.lambda = lambda;
                  }

                  @Override
                  public String name() {
                    return "slack";
                  }

                  @Override
                  protected void deliver(Notification notification) {
                    // SDK: lambda.Invoke FunctionName=slack-notifier
                    lambda.invoke(
                        i ->
                            i.functionName("slack-notifier")
                                .invocationType(InvocationType.EVENT)
                                .payload(SdkBytes.fromUtf8String(notification.text())));
                  }
                }
                """)
            .file(
                "com/acme/notifications/channel/WebhookChannel.java",
                """
                package com.acme.notifications.channel;

                import com.acme.notifications.Notification;
                import com.acme.notifications.log.DeliveryLog;
                import software.amazon.awssdk.services.sqs.SqsClient;

                /** Partner webhooks: planned for the partner portal, not wired into any function yet. */
                public class WebhookChannel extends AbstractChannel {
                  private final SqsClient sqs;

                  public WebhookChannel(SqsClient sqs, DeliveryLog log) {
                    super(log);
                    this.sqs = sqs;
                  }

                  @Override
                  public String name() {
                    return "webhook";
                  }

                  @Override
                  protected void deliver(Notification notification) {
                    sqs.sendMessage(
                        m ->
                            m.queueUrl("https://sqs.eu-west-2.amazonaws.com/246813579024/webhook-outbox")
                                .messageBody(notification.text()));
                  }

                  @Override
                  protected void recordDelivery(Notification notification) {
                    // Webhooks log on the partner side.
                  }
                }
                """)
            .file(
                "com/acme/notifications/log/DeliveryLog.java",
                """
                package com.acme.notifications.log;

                import java.time.Instant;
                import java.util.Map;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

                /** One row per delivered notification and channel. */
                public class DeliveryLog {
                  private final DynamoDbClient dynamo;

                  public DeliveryLog(DynamoDbClient dynamo) {
                    this.dynamo = dynamo;
                  }

                  public void delivered(String notificationId, String channel) {
                    // SDK: dynamodb.PutItem TableName=notification-log
                    dynamo.putItem(
                        p ->
                            p.tableName("notification-log")
                                .item(
                                    Map.of(
                                        "id", AttributeValue.fromS(notificationId),
                                        "channel", AttributeValue.fromS(channel),
                                        "at", AttributeValue.fromS(Instant.now().toString()))));
                  }
                }
                """)
            .check();
    assertThat(analysis.findings()).isEmpty();
  }

  /**
   * Calls from an inner (non-static) class that uses the outer handler's client ({@code
   * acme-shipping-labels} under <code>labels/*&#47;*.pdf</code>), from an anonymous implementation
   * of the project's own {@code TrackingListener} interface that is registered with a {@code
   * Dispatcher} and called back through the interface ({@code shipment-dispatched}), and from a
   * local class declared inside {@code handleRequest} ({@code shipment-manifests}). {@code
   * WebhookListener} implements the same interface but is never created, and the static nested
   * {@code LabelBackfill} is never used: nothing invokes {@code partner-webhooks} or deletes an
   * object. The handler is named by its class alone.
   */
  @Test
  void innerAnonymousAndLocalClasses_areFollowed_unusedNestedOnesAreNot() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("com.acme.shipping.ShipmentHandler")
            .file(
                "com/acme/shipping/Dispatcher.java",
                """
                package com.acme.shipping;

                import java.util.ArrayList;
                import java.util.List;

                /** Books the carrier pickup and tells everyone who listens. */
                final class Dispatcher {
                  private final List<TrackingListener> listeners = new ArrayList<>();

                  void register(TrackingListener listener) {
                    listeners.add(listener);
                  }

                  void dispatch(ShipmentRequest request) {
                    for (TrackingListener listener : listeners) {
                      listener.onDispatched(request.shipmentId(), request.carrier());
                    }
                  }
                }
                """)
            .file(
                "com/acme/shipping/ShipmentHandler.java",
                """
                package com.acme.shipping;

                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                import java.util.Map;
                import software.amazon.awssdk.core.sync.RequestBody;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
                import software.amazon.awssdk.services.s3.S3Client;
                import software.amazon.awssdk.services.sns.SnsClient;

                public class ShipmentHandler implements RequestHandler<ShipmentRequest, String> {
                  private static final String LABELS_BUCKET = "acme-shipping-labels";
                  private static final String DISPATCHED_TOPIC =
                      "arn:aws:sns:us-east-1:210987654321:shipment-dispatched";

                  private final S3Client s3 = S3Client.create();
                  private final SnsClient sns = SnsClient.create();
                  private final DynamoDbClient dynamo = DynamoDbClient.create();

                  @Override
                  public String handleRequest(ShipmentRequest request, Context context) {
                    LabelWriter labels = new LabelWriter();
                    request.parcelIds().forEach(parcel -> labels.write(request.shipmentId(), parcel));

                    Dispatcher dispatcher = new Dispatcher();
                    dispatcher.register(
                        new TrackingListener() {
                          @Override
                          public void onDispatched(String shipmentId, String carrier) {
                            // SDK: sns.Publish TopicArn=arn:aws:sns:us-east-1:210987654321:shipment-dispatched
                            sns.publish(
                                p -> p.topicArn(DISPATCHED_TOPIC).message(shipmentId + " via " + carrier));
                          }
                        });
                    dispatcher.dispatch(request);

                    class Manifest {
                      private final String shipmentId;
                      private final int parcels;

                      Manifest(String shipmentId, int parcels) {
                        this.shipmentId = shipmentId;
                        this.parcels = parcels;
                      }

                      void save() {
                        // SDK: dynamodb.PutItem TableName=shipment-manifests
                        dynamo.putItem(
                            p ->
                                p.tableName("shipment-manifests")
                                    .item(
                                        Map.of(
                                            "shipmentId", AttributeValue.fromS(shipmentId),
                                            "parcels", AttributeValue.fromN(Integer.toString(parcels)))));
                      }
                    }
                    new Manifest(request.shipmentId(), request.parcelIds().size()).save();
                    return request.shipmentId();
                  }

                  /** Writes one PDF label per parcel; an inner class, so it shares the handler's client. */
                  class LabelWriter {
                    void write(String shipmentId, String parcelId) {
                      // SDK: s3.PutObject Bucket=acme-shipping-labels Key=labels/*/*.pdf
                      s3.putObject(
                          o -> o.bucket(LABELS_BUCKET).key("labels/" + shipmentId + "/" + parcelId + ".pdf"),
                          RequestBody.fromString("%PDF-1.7 label " + parcelId));
                    }
                  }

                  /** Used once to re-create labels after the 2023 carrier change; kept for reference. */
                  static class LabelBackfill {
                    private final S3Client s3 = S3Client.create();

                    void purgeOldLabels(String shipmentId) {
                      s3.deleteObject(d -> d.bucket(LABELS_BUCKET).key("labels/" + shipmentId));
                    }
                  }
                }
                """)
            .file(
                "com/acme/shipping/ShipmentRequest.java",
                """
                package com.acme.shipping;

                import java.util.List;

                /** What the order service sends when an order is ready to ship. */
                public record ShipmentRequest(String shipmentId, String carrier, List<String> parcelIds) {}
                """)
            .file(
                "com/acme/shipping/TrackingListener.java",
                """
                package com.acme.shipping;

                /** Told when a shipment has been handed to a carrier. */
                public interface TrackingListener {
                  void onDispatched(String shipmentId, String carrier);
                }
                """)
            .file(
                "com/acme/shipping/WebhookListener.java",
                """
                package com.acme.shipping;

                import software.amazon.awssdk.core.SdkBytes;
                import software.amazon.awssdk.services.lambda.LambdaClient;

                /** Calls partner webhooks; only the marketplace function registers it. */
                public class WebhookListener implements TrackingListener {
                  private final LambdaClient lambda = LambdaClient.create();

                  @Override
                  public void onDispatched(String shipmentId, String carrier) {
                    lambda.invoke(
                        i ->
                            i.functionName("partner-webhooks")
                                .payload(SdkBytes.fromUtf8String("{\\"shipment\\":\\"" + shipmentId + "\\"}")));
                  }
                }
                """)
            .check();
    assertThat(analysis.findings()).isEmpty();
  }
}
