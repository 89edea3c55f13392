package dev.minrole.analyzer.java;

import org.junit.jupiter.api.Test;

class DependencyInjectionTest {

  private static final String REPOSITORY =
      """
      package app;

      public interface OrderRepository {
        void save(String id);
      }
      """;

  private static final String DYNAMO_REPOSITORY =
      """
      package app;

      import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

      public class DynamoOrderRepository implements OrderRepository {
        private final DynamoDbClient dynamo;
        private final String table;

        @javax.inject.Inject
        public DynamoOrderRepository(DynamoDbClient dynamo, @javax.inject.Named("table") String table) {
          this.dynamo = dynamo;
          this.table = table;
        }

        public void save(String id) {
          // SDK: dynamodb.PutItem TableName=orders
          dynamo.putItem(r -> r.tableName(table));
        }
      }
      """;

  @Test
  void dagger_componentProvidesAndBinds_reachTheBoundImplementation() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file("app/OrderRepository.java", REPOSITORY)
        .file(
            "app/DynamoOrderRepository.java",
            DYNAMO_REPOSITORY.replace("TableName=orders", "TableName=?"))
        .file(
            "app/AppModule.java",
            """
            package app;

            import dagger.Binds;
            import dagger.Module;
            import dagger.Provides;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

            @Module
            abstract class AppModule {
              @Binds
              abstract OrderRepository repository(DynamoOrderRepository impl);

              @Provides
              static DynamoDbClient dynamo() {
                return DynamoDbClient.create();
              }
            }
            """)
        .file(
            "app/AppComponent.java",
            """
            package app;

            import dagger.Component;

            @Component(modules = AppModule.class)
            interface AppComponent {
              OrderRepository repository();
            }
            """)
        .file(
            "app/Handler.java",
            """
            package app;

            public class Handler {
              private final OrderRepository repository = DaggerAppComponent.create().repository();

              public void handleRequest(String id) {
                repository.save(id);
              }
            }
            """)
        .check();
  }

  @Test
  void dagger_bindsChoosesOneOfSeveralImplementations() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file("app/OrderRepository.java", REPOSITORY)
        .file(
            "app/DynamoOrderRepository.java",
            DYNAMO_REPOSITORY.replace("TableName=orders", "TableName=?"))
        .file(
            "app/InMemoryOrderRepository.java",
            """
            package app;

            import software.amazon.awssdk.services.s3.S3Client;

            public class InMemoryOrderRepository implements OrderRepository {
              public void save(String id) {
                S3Client.create().deleteBucket(r -> r.bucket("only-in-tests"));
              }
            }
            """)
        .file(
            "app/AppModule.java",
            """
            package app;

            import dagger.Binds;
            import dagger.Module;

            @Module
            interface AppModule {
              @Binds
              OrderRepository repository(DynamoOrderRepository impl);
            }
            """)
        .file(
            "app/AppComponent.java",
            """
            package app;

            @dagger.Component(modules = AppModule.class)
            interface AppComponent {
              OrderRepository repository();
            }
            """)
        .file(
            "app/Handler.java",
            """
            package app;

            public class Handler {
              private final OrderRepository repository = DaggerAppComponent.builder().build().repository();

              public void handleRequest(String id) {
                repository.save(id);
              }
            }
            """)
        .check();
  }

  @Test
  void spring_beansAndAutowiredFields_reachTheBeanImplementation() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file("app/OrderRepository.java", REPOSITORY)
        .file(
            "app/DynamoOrderRepository.java",
            """
            package app;

            import org.springframework.beans.factory.annotation.Autowired;
            import org.springframework.stereotype.Repository;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

            @Repository
            public class DynamoOrderRepository implements OrderRepository {
              @Autowired private DynamoDbClient dynamo;

              public void save(String id) {
                // SDK: dynamodb.PutItem TableName=orders
                dynamo.putItem(r -> r.tableName("orders"));
              }
            }
            """)
        .file(
            "app/AppConfig.java",
            """
            package app;

            import org.springframework.context.annotation.Bean;
            import org.springframework.context.annotation.Configuration;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

            @Configuration
            public class AppConfig {
              @Bean
              public DynamoDbClient dynamoDbClient() {
                return DynamoDbClient.create();
              }
            }
            """)
        .file(
            "app/Handler.java",
            """
            package app;

            import org.springframework.context.ApplicationContext;
            import org.springframework.context.annotation.AnnotationConfigApplicationContext;

            public class Handler {
              private static final ApplicationContext CONTEXT = new AnnotationConfigApplicationContext(AppConfig.class);
              private final OrderRepository repository = CONTEXT.getBean(OrderRepository.class);

              public void handleRequest(String id) {
                repository.save(id);
              }
            }
            """)
        .check();
  }

  @Test
  void guice_bindingsAndInjectedConstructorParameters() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file("app/OrderRepository.java", REPOSITORY)
        .file(
            "app/DynamoOrderRepository.java",
            DYNAMO_REPOSITORY.replace("TableName=orders", "TableName=?"))
        .file(
            "app/OtherRepository.java",
            """
            package app;

            import software.amazon.awssdk.services.s3.S3Client;

            public class OtherRepository implements OrderRepository {
              public void save(String id) {
                S3Client.create().deleteBucket(r -> r.bucket("never"));
              }
            }
            """)
        .file(
            "app/AppModule.java",
            """
            package app;

            import com.google.inject.AbstractModule;

            public class AppModule extends AbstractModule {
              @Override
              protected void configure() {
                bind(OrderRepository.class).to(DynamoOrderRepository.class);
              }
            }
            """)
        .file(
            "app/Handler.java",
            """
            package app;

            import com.google.inject.Guice;
            import com.google.inject.Injector;

            public class Handler {
              private static final Injector INJECTOR = Guice.createInjector(new AppModule());
              private final OrderRepository repository = INJECTOR.getInstance(OrderRepository.class);

              public void handleRequest(String id) {
                repository.save(id);
              }
            }
            """)
        .check();
  }

  @Test
  void micronaut_injectedFieldWithTwoCandidates_includesBothAndReportsIt() {
    AnalyzerHarness.handler("app.Handler::execute")
        .file("app/OrderRepository.java", REPOSITORY)
        .file(
            "app/DynamoOrderRepository.java",
            """
            package app;

            import jakarta.inject.Singleton;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

            @Singleton
            public class DynamoOrderRepository implements OrderRepository {
              public void save(String id) {
                // SDK: dynamodb.PutItem TableName=orders
                DynamoDbClient.create().putItem(r -> r.tableName("orders"));
              }
            }
            """)
        .file(
            "app/S3OrderRepository.java",
            """
            package app;

            import jakarta.inject.Singleton;
            import software.amazon.awssdk.core.sync.RequestBody;
            import software.amazon.awssdk.services.s3.S3Client;

            @Singleton
            public class S3OrderRepository implements OrderRepository {
              public void save(String id) {
                // SDK: s3.PutObject Bucket=orders Key=?
                S3Client.create().putObject(r -> r.bucket("orders").key(id), RequestBody.empty());
              }
            }
            """)
        .file(
            "app/Handler.java",
            """
            package app;

            import io.micronaut.function.aws.MicronautRequestHandler;
            import jakarta.inject.Inject;

            public class Handler extends MicronautRequestHandler<String, Void> {
              // FINDING: AMBIGUOUS_TARGET
              @Inject OrderRepository repository;

              @Override
              public Void execute(String id) {
                // FINDING: AMBIGUOUS_TARGET
                repository.save(id);
                return null;
              }
            }
            """)
        .check();
  }

  @Test
  void dagger_importedComponentNamedProviderAndBindsOverInjectConstructors() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file("app/OrderRepository.java", REPOSITORY)
        .file("app/DynamoOrderRepository.java", DYNAMO_REPOSITORY)
        .file(
            "app/ArchiveOrderRepository.java",
            """
            package app;

            import software.amazon.awssdk.services.s3.S3Client;

            public class ArchiveOrderRepository implements OrderRepository {
              private final S3Client s3;

              @javax.inject.Inject
              public ArchiveOrderRepository(S3Client s3) {
                this.s3 = s3;
              }

              public void save(String id) {
                s3.putObject(r -> r.bucket("archive").key(id), software.amazon.awssdk.core.sync.RequestBody.empty());
              }
            }
            """)
        .file(
            "app/di/AppModule.java",
            """
            package app.di;

            import app.DynamoOrderRepository;
            import app.OrderRepository;
            import dagger.Binds;
            import dagger.Module;
            import dagger.Provides;
            import javax.inject.Named;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

            @Module
            public abstract class AppModule {
              @Binds
              abstract OrderRepository repository(DynamoOrderRepository impl);

              @Provides
              static DynamoDbClient dynamo() {
                return DynamoDbClient.create();
              }

              @Provides
              @Named("table")
              static String table() {
                return "orders";
              }

              @Provides
              @Named("archive")
              static String archive() {
                return "orders-archive";
              }
            }
            """)
        .file(
            "app/di/AppComponent.java",
            """
            package app.di;

            import app.OrderRepository;
            import dagger.Component;

            @Component(modules = AppModule.class)
            public interface AppComponent {
              OrderRepository repository();
            }
            """)
        .file(
            "other/AppComponent.java",
            """
            package other;

            @dagger.Component
            public interface AppComponent {
              Runnable job();
            }
            """)
        .file(
            "app/Handler.java",
            """
            package app;

            import app.di.DaggerAppComponent;

            public class Handler {
              private final OrderRepository repository = DaggerAppComponent.create().repository();

              public void handleRequest(String id) {
                repository.save(id);
              }
            }
            """)
        .check();
  }
}
