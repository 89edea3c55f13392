package dev.minrole.analyzer.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.Severity;
import org.junit.jupiter.api.Test;

/**
 * Dependency injection containers wiring a whole function: Spring, Guice and Micronaut, and what is
 * reported when the sources cannot say which implementation is injected. Each test is a small
 * project analyzed from its handler, with every SDK call it reaches marked in place ({@link
 * AnalyzerHarness}): a call the code does not make, or one it makes that is not marked, fails the
 * test, and so does any finding not marked.
 */
class DependencyInjectionProjectsTest {

  /**
   * Two Spring components implement {@code AuditSink} and are told apart only by
   * {@code @Profile("prod")} and {@code @Profile("staging")}; the active profile is chosen at run
   * time from the {@code STAGE} variable, so the sources cannot say which one is injected into
   * {@code AuditRecorder}'s {@code @Autowired} field. Both are included ({@code
   * acme-audit-compliance} under {@code events/*.json}, and {@code audit-events-staging}), with
   * {@code AMBIGUOUS_TARGET} warnings at the injection point and at the call, so the user knows the
   * policy may be broader than one deployment needs.
   */
  @Test
  void spring_profileChosenAtRunTime_includesBothCandidatesAndSaysSo() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("com.acme.audit.AuditEventHandler::handleRequest")
            .file(
                "com/acme/audit/AuditConfiguration.java",
                """
                package com.acme.audit;

                import org.springframework.context.annotation.ComponentScan;
                import org.springframework.context.annotation.Configuration;

                @Configuration
                @ComponentScan("com.acme.audit")
                public class AuditConfiguration {}
                """)
            .file(
                "com/acme/audit/AuditEvent.java",
                """
                package com.acme.audit;

                import java.time.Instant;

                public record AuditEvent(String actor, String action, String target, Instant at) {}
                """)
            .file(
                "com/acme/audit/AuditEventHandler.java",
                """
                package com.acme.audit;

                import java.util.Map;
                import org.springframework.context.annotation.AnnotationConfigApplicationContext;

                public class AuditEventHandler {
                  private final AuditRecorder recorder;

                  public AuditEventHandler() {
                    var context = new AnnotationConfigApplicationContext();
                    context.getEnvironment().setActiveProfiles(System.getenv().getOrDefault("STAGE", "prod"));
                    context.register(AuditConfiguration.class);
                    context.refresh();
                    this.recorder = context.getBean(AuditRecorder.class);
                  }

                  public void handleRequest(Map<String, String> event) {
                    recorder.record(
                        new AuditEvent(
                            event.get("actor"), event.get("action"), event.get("target"), java.time.Instant.now()));
                  }
                }
                """)
            .file(
                "com/acme/audit/AuditRecorder.java",
                """
                package com.acme.audit;

                import com.acme.audit.sink.AuditSink;
                import org.springframework.beans.factory.annotation.Autowired;
                import org.springframework.stereotype.Service;

                @Service
                public class AuditRecorder {
                  // FINDING: AMBIGUOUS_TARGET
                  @Autowired private AuditSink sink;

                  public void record(AuditEvent event) {
                    if (event.actor() == null) {
                      throw new IllegalArgumentException("audit event without actor");
                    }
                    // FINDING: AMBIGUOUS_TARGET
                    sink.write(event);
                  }
                }
                """)
            .file(
                "com/acme/audit/sink/AuditSink.java",
                """
                package com.acme.audit.sink;

                import com.acme.audit.AuditEvent;

                /** Where audit events end up; which one depends on the Spring profile of the deployment. */
                public interface AuditSink {
                  void write(AuditEvent event);
                }
                """)
            .file(
                "com/acme/audit/sink/DynamoAuditSink.java",
                """
                package com.acme.audit.sink;

                import com.acme.audit.AuditEvent;
                import java.util.Map;
                import org.springframework.context.annotation.Profile;
                import org.springframework.stereotype.Component;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

                /** Staging keeps a searchable table instead. */
                @Component
                @Profile("staging")
                public class DynamoAuditSink implements AuditSink {
                  private final DynamoDbClient dynamo = DynamoDbClient.create();

                  @Override
                  public void write(AuditEvent event) {
                    // SDK: dynamodb.PutItem TableName=audit-events-staging
                    dynamo.putItem(
                        p ->
                            p.tableName("audit-events-staging")
                                .item(
                                    Map.of(
                                        "actor", AttributeValue.fromS(event.actor()),
                                        "at", AttributeValue.fromS(event.at().toString()),
                                        "action", AttributeValue.fromS(event.action()))));
                  }
                }
                """)
            .file(
                "com/acme/audit/sink/S3AuditSink.java",
                """
                package com.acme.audit.sink;

                import com.acme.audit.AuditEvent;
                import org.springframework.context.annotation.Profile;
                import org.springframework.stereotype.Component;
                import software.amazon.awssdk.core.sync.RequestBody;
                import software.amazon.awssdk.services.s3.S3Client;

                /** Production keeps audit events in the compliance bucket. */
                @Component
                @Profile("prod")
                public class S3AuditSink implements AuditSink {
                  private final S3Client s3 = S3Client.create();

                  @Override
                  public void write(AuditEvent event) {
                    // SDK: s3.PutObject Bucket=acme-audit-compliance Key=events/*.json
                    s3.putObject(
                        o -> o.bucket("acme-audit-compliance").key("events/" + event.at().toEpochMilli() + ".json"),
                        RequestBody.fromString(event.toString()));
                  }
                }
                """)
            .check();
    assertThat(analysis.findings())
        .extracting(Finding::id, Finding::severity, Finding::message)
        .containsExactlyInAnyOrder(
            tuple(
                "AMBIGUOUS_TARGET",
                Severity.WARNING,
                "several implementations can be injected for com.acme.audit.sink.AuditSink:"
                    + " com.acme.audit.sink.DynamoAuditSink, com.acme.audit.sink.S3AuditSink;"
                    + " all are included. Qualify the injection point to narrow it"),
            tuple(
                "AMBIGUOUS_TARGET",
                Severity.WARNING,
                "call to com.acme.audit.sink.AuditSink.write can run"
                    + " com.acme.audit.sink.DynamoAuditSink, com.acme.audit.sink.S3AuditSink;"
                    + " all are included"));
  }

  /**
   * A Guice injector in a static field, {@code getInstance(LoyaltyService.class)}, and a module
   * that binds {@code PointsLedger} to {@code DynamoPointsLedger} and {@code RewardNotifier} to
   * {@code SnsRewardNotifier} with {@code bind(...).to(...)}, and provides the clients with
   * {@code @Provides @Singleton} methods: the function updates {@code loyalty-points} and publishes
   * to {@code loyalty-rewards}. {@code LegacyPointsLedger} also implements {@code PointsLedger} and
   * has an {@code @Inject} constructor, but no binding names it, and Guice never injects an unbound
   * implementation of an interface: nothing writes {@code acme-loyalty-legacy}, and there is no
   * {@code AMBIGUOUS_TARGET} finding.
   */
  @Test
  void guice_injectorAndModuleBindings_reachOnlyTheBoundImplementations() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("com.acme.loyalty.AwardPointsHandler::handleRequest")
            .file(
                "com/acme/loyalty/AwardPointsHandler.java",
                """
                package com.acme.loyalty;

                import com.google.inject.Guice;
                import com.google.inject.Injector;
                import java.util.Map;

                public class AwardPointsHandler {
                  private static final Injector INJECTOR = Guice.createInjector(new LoyaltyModule());

                  private final LoyaltyService loyalty = INJECTOR.getInstance(LoyaltyService.class);

                  public long handleRequest(Map<String, Object> purchase) {
                    String member = (String) purchase.get("memberId");
                    long cents = ((Number) purchase.get("amountCents")).longValue();
                    return loyalty.award(member, cents / 100);
                  }
                }
                """)
            .file(
                "com/acme/loyalty/DynamoPointsLedger.java",
                """
                package com.acme.loyalty;

                import com.google.inject.Inject;
                import java.util.Map;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
                import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
                import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

                class DynamoPointsLedger implements PointsLedger {
                  private final DynamoDbClient dynamo;

                  @Inject
                  DynamoPointsLedger(DynamoDbClient dynamo) {
                    this.dynamo = dynamo;
                  }

                  @Override
                  public long add(String memberId, long points) {
                    UpdateItemRequest update =
                        UpdateItemRequest.builder()
                            .tableName("loyalty-points")
                            .key(Map.of("memberId", AttributeValue.fromS(memberId)))
                            .updateExpression("ADD points :p")
                            .expressionAttributeValues(Map.of(":p", AttributeValue.fromN(Long.toString(points))))
                            .returnValues(ReturnValue.UPDATED_NEW)
                            .build();
                    // SDK: dynamodb.UpdateItem TableName=loyalty-points
                    return Long.parseLong(dynamo.updateItem(update).attributes().get("points").n());
                  }
                }
                """)
            .file(
                "com/acme/loyalty/LegacyPointsLedger.java",
                """
                package com.acme.loyalty;

                import com.google.inject.Inject;
                import software.amazon.awssdk.core.sync.RequestBody;
                import software.amazon.awssdk.services.s3.S3Client;

                /** The file-based ledger from before the DynamoDB migration; no module binds it any more. */
                class LegacyPointsLedger implements PointsLedger {
                  private final S3Client s3;

                  @Inject
                  LegacyPointsLedger(S3Client s3) {
                    this.s3 = s3;
                  }

                  @Override
                  public long add(String memberId, long points) {
                    s3.putObject(p -> p.bucket("acme-loyalty-legacy").key("ledger/" + memberId), RequestBody.fromString("" + points));
                    return points;
                  }
                }
                """)
            .file(
                "com/acme/loyalty/LoyaltyModule.java",
                """
                package com.acme.loyalty;

                import com.google.inject.AbstractModule;
                import com.google.inject.Provides;
                import com.google.inject.Singleton;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.sns.SnsClient;

                public class LoyaltyModule extends AbstractModule {
                  @Override
                  protected void configure() {
                    bind(PointsLedger.class).to(DynamoPointsLedger.class);
                    bind(RewardNotifier.class).to(SnsRewardNotifier.class);
                  }

                  @Provides
                  @Singleton
                  DynamoDbClient dynamoDbClient() {
                    return DynamoDbClient.create();
                  }

                  @Provides
                  @Singleton
                  SnsClient snsClient() {
                    return SnsClient.create();
                  }
                }
                """)
            .file(
                "com/acme/loyalty/LoyaltyService.java",
                """
                package com.acme.loyalty;

                import com.google.inject.Inject;

                public class LoyaltyService {
                  private static final long GOLD = 10_000;

                  private final PointsLedger ledger;
                  private final RewardNotifier notifier;

                  @Inject
                  public LoyaltyService(PointsLedger ledger, RewardNotifier notifier) {
                    this.ledger = ledger;
                    this.notifier = notifier;
                  }

                  public long award(String memberId, long points) {
                    long before = ledger.add(memberId, 0);
                    long after = ledger.add(memberId, points);
                    if (before < GOLD && after >= GOLD) {
                      notifier.tierReached(memberId, "GOLD");
                    }
                    return after;
                  }
                }
                """)
            .file(
                "com/acme/loyalty/PointsLedger.java",
                """
                package com.acme.loyalty;

                public interface PointsLedger {
                  long add(String memberId, long points);
                }
                """)
            .file(
                "com/acme/loyalty/RewardNotifier.java",
                """
                package com.acme.loyalty;

                public interface RewardNotifier {
                  void tierReached(String memberId, String tier);
                }
                """)
            .file(
                "com/acme/loyalty/SnsRewardNotifier.java",
                """
                package com.acme.loyalty;

                import com.google.inject.Inject;
                import software.amazon.awssdk.services.sns.SnsClient;
                import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
                import java.util.Map;

                class SnsRewardNotifier implements RewardNotifier {
                  private static final String TOPIC = "arn:aws:sns:ca-central-1:135792468013:loyalty-rewards";
                  private final SnsClient sns;

                  @Inject
                  SnsRewardNotifier(SnsClient sns) {
                    this.sns = sns;
                  }

                  @Override
                  public void tierReached(String memberId, String tier) {
                    // SDK: sns.Publish TopicArn=arn:aws:sns:ca-central-1:135792468013:loyalty-rewards
                    sns.publish(
                        p ->
                            p.topicArn(TOPIC)
                                .message(memberId)
                                .messageAttributes(
                                    Map.of("tier", MessageAttributeValue.builder().dataType("String").stringValue(tier).build())));
                  }
                }
                """)
            .check();
    assertThat(analysis.findings()).isEmpty();
  }

  /**
   * A Micronaut function: the handler extends {@code MicronautRequestHandler} and is named by its
   * {@code execute} method; an {@code @Inject} field receives the {@code @Singleton} {@code
   * BookingService}, whose constructor receives the only {@code AvailabilityRepository}
   * implementation and a {@code ConfirmationSender}; a {@code @Factory} class supplies the clients
   * from {@code @Singleton} methods. The function writes {@code room-availability} and sends to
   * {@code booking-confirmations}, with no findings.
   */
  @Test
  void micronaut_handlerFieldConstructorAndFactory_reachTheOnlyImplementations() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("com.acme.booking.BookingFunction::execute")
            .file(
                "com/acme/booking/AvailabilityRepository.java",
                """
                package com.acme.booking;

                import java.time.LocalDate;

                public interface AvailabilityRepository {
                  boolean hold(String roomId, LocalDate from, LocalDate to, String bookingId);
                }
                """)
            .file(
                "com/acme/booking/AwsClientFactory.java",
                """
                package com.acme.booking;

                import io.micronaut.context.annotation.Factory;
                import jakarta.inject.Singleton;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.sqs.SqsClient;

                @Factory
                public class AwsClientFactory {
                  @Singleton
                  DynamoDbClient dynamoDbClient() {
                    return DynamoDbClient.create();
                  }

                  @Singleton
                  SqsClient sqsClient() {
                    return SqsClient.create();
                  }
                }
                """)
            .file(
                "com/acme/booking/BookingFunction.java",
                """
                package com.acme.booking;

                import io.micronaut.function.aws.MicronautRequestHandler;
                import jakarta.inject.Inject;

                public class BookingFunction extends MicronautRequestHandler<BookingRequest, BookingResponse> {
                  @Inject BookingService bookingService;

                  @Override
                  public BookingResponse execute(BookingRequest input) {
                    return bookingService.book(input);
                  }
                }
                """)
            .file(
                "com/acme/booking/BookingRequest.java",
                """
                package com.acme.booking;

                import io.micronaut.serde.annotation.Serdeable;
                import java.time.LocalDate;

                @Serdeable
                public record BookingRequest(String roomId, String guestEmail, LocalDate from, LocalDate to) {}
                """)
            .file(
                "com/acme/booking/BookingResponse.java",
                """
                package com.acme.booking;

                import io.micronaut.serde.annotation.Serdeable;

                @Serdeable
                public record BookingResponse(String bookingId, boolean confirmed) {}
                """)
            .file(
                "com/acme/booking/BookingService.java",
                """
                package com.acme.booking;

                import jakarta.inject.Singleton;
                import java.util.UUID;

                @Singleton
                public class BookingService {
                  private final AvailabilityRepository availability;
                  private final ConfirmationSender confirmations;

                  public BookingService(AvailabilityRepository availability, ConfirmationSender confirmations) {
                    this.availability = availability;
                    this.confirmations = confirmations;
                  }

                  public BookingResponse book(BookingRequest request) {
                    String bookingId = UUID.randomUUID().toString();
                    boolean held = availability.hold(request.roomId(), request.from(), request.to(), bookingId);
                    if (held) {
                      confirmations.send(bookingId, request.guestEmail());
                    }
                    return new BookingResponse(bookingId, held);
                  }
                }
                """)
            .file(
                "com/acme/booking/ConfirmationSender.java",
                """
                package com.acme.booking;

                import jakarta.inject.Singleton;
                import software.amazon.awssdk.services.sqs.SqsClient;

                @Singleton
                public class ConfirmationSender {
                  private final SqsClient sqs;

                  public ConfirmationSender(SqsClient sqs) {
                    this.sqs = sqs;
                  }

                  public void send(String bookingId, String email) {
                    // SDK: sqs.SendMessage QueueUrl=https://sqs.eu-south-1.amazonaws.com/864209753186/booking-confirmations
                    sqs.sendMessage(
                        m ->
                            m.queueUrl("https://sqs.eu-south-1.amazonaws.com/864209753186/booking-confirmations")
                                .messageBody(bookingId + ";" + email));
                  }
                }
                """)
            .file(
                "com/acme/booking/DynamoAvailabilityRepository.java",
                """
                package com.acme.booking;

                import jakarta.inject.Singleton;
                import java.time.LocalDate;
                import java.util.Map;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
                import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

                @Singleton
                public class DynamoAvailabilityRepository implements AvailabilityRepository {
                  private static final String TABLE = "room-availability";
                  private final DynamoDbClient dynamo;

                  public DynamoAvailabilityRepository(DynamoDbClient dynamo) {
                    this.dynamo = dynamo;
                  }

                  @Override
                  public boolean hold(String roomId, LocalDate from, LocalDate to, String bookingId) {
                    try {
                      // SDK: dynamodb.PutItem TableName=room-availability
                      dynamo.putItem(
                          p ->
                              p.tableName(TABLE)
                                  .item(
                                      Map.of(
                                          "roomId", AttributeValue.fromS(roomId),
                                          "night", AttributeValue.fromS(from.toString()),
                                          "bookingId", AttributeValue.fromS(bookingId)))
                                  .conditionExpression("attribute_not_exists(roomId)"));
                      return true;
                    } catch (ConditionalCheckFailedException taken) {
                      return false;
                    }
                  }
                }
                """)
            .check();
    assertThat(analysis.findings()).isEmpty();
  }

  /**
   * A Spring application context created in a static field ({@code new
   * AnnotationConfigApplicationContext(OrdersConfiguration.class)}) and {@code
   * getBean(OrderService.class)} in a field initializer. The {@code @Configuration} class supplies
   * the clients with {@code @Bean} methods; {@code OrderService} is a {@code @Service} with an
   * {@code @Autowired} constructor, {@code OrderRepository} a {@code @Repository} with an
   * {@code @Autowired} field, {@code OrderEvents} a {@code @Component} with constructor injection.
   * The function reads and writes the table {@code orders} and sends to {@code order-placed}.
   * {@code OrderArchiver} is a component the container creates, but nothing calls {@code archive},
   * so there is no {@code DeleteItem} ({@code OrderRepository.delete}).
   */
  @Test
  void spring_contextGetBean_reachesTheBeanGraph_notUncalledComponents() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("com.acme.orders.PlaceOrderHandler::handleRequest")
            .file(
                "com/acme/orders/PlaceOrderHandler.java",
                """
                package com.acme.orders;

                import com.acme.orders.config.OrdersConfiguration;
                import com.acme.orders.domain.Order;
                import com.acme.orders.domain.OrderService;
                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                import org.springframework.context.ApplicationContext;
                import org.springframework.context.annotation.AnnotationConfigApplicationContext;

                public class PlaceOrderHandler implements RequestHandler<Order, String> {
                  private static final ApplicationContext SPRING =
                      new AnnotationConfigApplicationContext(OrdersConfiguration.class);

                  private final OrderService orders = SPRING.getBean(OrderService.class);

                  @Override
                  public String handleRequest(Order order, Context context) {
                    return orders.place(order) ? "PLACED" : "DUPLICATE";
                  }
                }
                """)
            .file(
                "com/acme/orders/config/OrdersConfiguration.java",
                """
                package com.acme.orders.config;

                import org.springframework.context.annotation.Bean;
                import org.springframework.context.annotation.ComponentScan;
                import org.springframework.context.annotation.Configuration;
                import software.amazon.awssdk.regions.Region;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.sqs.SqsClient;

                @Configuration
                @ComponentScan("com.acme.orders")
                public class OrdersConfiguration {
                  @Bean
                  public DynamoDbClient dynamoDbClient() {
                    return DynamoDbClient.builder().region(Region.US_EAST_2).build();
                  }

                  @Bean
                  public SqsClient sqsClient() {
                    return SqsClient.builder().region(Region.US_EAST_2).build();
                  }
                }
                """)
            .file(
                "com/acme/orders/domain/Order.java",
                """
                package com.acme.orders.domain;

                import java.math.BigDecimal;

                public record Order(String orderId, String customerId, BigDecimal total) {}
                """)
            .file(
                "com/acme/orders/domain/OrderService.java",
                """
                package com.acme.orders.domain;

                import com.acme.orders.messaging.OrderEvents;
                import com.acme.orders.persistence.OrderRepository;
                import org.springframework.beans.factory.annotation.Autowired;
                import org.springframework.stereotype.Service;

                @Service
                public class OrderService {
                  private final OrderRepository repository;
                  private final OrderEvents events;

                  @Autowired
                  public OrderService(OrderRepository repository, OrderEvents events) {
                    this.repository = repository;
                    this.events = events;
                  }

                  public boolean place(Order order) {
                    if (repository.find(order.orderId()).isPresent()) {
                      return false;
                    }
                    repository.save(order);
                    events.placed(order);
                    return true;
                  }
                }
                """)
            .file(
                "com/acme/orders/maintenance/OrderArchiver.java",
                """
                package com.acme.orders.maintenance;

                import com.acme.orders.persistence.OrderRepository;
                import org.springframework.stereotype.Component;

                /** Used by the monthly clean-up job, which has its own handler in another repository. */
                @Component
                public class OrderArchiver {
                  private final OrderRepository repository;

                  public OrderArchiver(OrderRepository repository) {
                    this.repository = repository;
                  }

                  public void archive(String orderId) {
                    repository.delete(orderId);
                  }
                }
                """)
            .file(
                "com/acme/orders/messaging/OrderEvents.java",
                """
                package com.acme.orders.messaging;

                import com.acme.orders.domain.Order;
                import org.springframework.stereotype.Component;
                import software.amazon.awssdk.services.sqs.SqsClient;

                @Component
                public class OrderEvents {
                  private static final String PLACED_QUEUE =
                      "https://sqs.us-east-2.amazonaws.com/777788889999/order-placed";

                  private final SqsClient sqs;

                  public OrderEvents(SqsClient sqs) {
                    this.sqs = sqs;
                  }

                  public void placed(Order order) {
                    // SDK: sqs.SendMessage QueueUrl=https://sqs.us-east-2.amazonaws.com/777788889999/order-placed
                    sqs.sendMessage(m -> m.queueUrl(PLACED_QUEUE).messageBody(order.orderId()));
                  }
                }
                """)
            .file(
                "com/acme/orders/persistence/OrderRepository.java",
                """
                package com.acme.orders.persistence;

                import com.acme.orders.domain.Order;
                import java.math.BigDecimal;
                import java.util.Map;
                import java.util.Optional;
                import org.springframework.beans.factory.annotation.Autowired;
                import org.springframework.stereotype.Repository;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

                @Repository
                public class OrderRepository {
                  static final String TABLE = "orders";

                  @Autowired private DynamoDbClient dynamo;

                  public Optional<Order> find(String orderId) {
                    // SDK: dynamodb.GetItem TableName=orders
                    var item = dynamo.getItem(g -> g.tableName(TABLE).key(Map.of("orderId", AttributeValue.fromS(orderId)))).item();
                    if (item.isEmpty()) {
                      return Optional.empty();
                    }
                    return Optional.of(new Order(orderId, item.get("customerId").s(), new BigDecimal(item.get("total").n())));
                  }

                  public void save(Order order) {
                    // SDK: dynamodb.PutItem TableName=orders
                    dynamo.putItem(
                        p ->
                            p.tableName(TABLE)
                                .item(
                                    Map.of(
                                        "orderId", AttributeValue.fromS(order.orderId()),
                                        "customerId", AttributeValue.fromS(order.customerId()),
                                        "total", AttributeValue.fromN(order.total().toPlainString()))));
                  }

                  public void delete(String orderId) {
                    dynamo.deleteItem(d -> d.tableName(TABLE).key(Map.of("orderId", AttributeValue.fromS(orderId))));
                  }
                }
                """)
            .check();
    assertThat(analysis.findings()).isEmpty();
  }
}
