package dev.minrole.bench.generate;

import java.util.List;

/**
 * The Dagger wiring of an app whose query handler is injected: a component interface (Dagger
 * generates {@code DaggerAppComponent} beside it at build time, so it is not in the sources) and a
 * module that provides the data classes.
 */
final class DiFiles {
  private DiFiles() {}

  static void write(AppPlan plan, SourceTree tree, Filler filler) {
    String data = plan.pkg() + ".data.";
    String config = plan.pkg() + ".config.";
    plan.add(
        tree,
        filler,
        plan.daggerPackage(),
        "AppComponent",
        COMPONENT,
        List.of(
            plan.pkg() + ".service.QueryService", "dagger.Component", "javax.inject.Singleton"));
    plan.add(
        tree,
        filler,
        plan.daggerPackage(),
        "AppModule",
        MODULE,
        List.of(
            config + "AppClients",
            config + "AppConfig",
            data + "DocumentStore",
            data + "ItemRepository",
            data + "ItemTable",
            "dagger.Module",
            "dagger.Provides",
            "javax.inject.Singleton"));
  }

  private static final String COMPONENT =
      """
      /** The objects of {{app}} that Dagger builds. */
      @Singleton
      @Component(modules = AppModule.class)
      public interface AppComponent {
        QueryService queryService();
      }
      """;

  private static final String MODULE =
"""
/** How Dagger makes the data classes of {{app}}. */
@Module
public final class AppModule {
  private AppModule() {}

  @Provides
  @Singleton
  static ItemTable itemTable() {
    return new ItemTable(AppClients.enhanced());
  }

  @Provides
  @Singleton
  static ItemRepository items() {
    return new ItemRepository(AppClients.dynamo(), AppConfig.itemsTable());
  }

  @Provides
  @Singleton
  static DocumentStore documents() {
    return new DocumentStore(AppClients.S3, AppClients.presigner(), AppConfig.DOCUMENT_BUCKET);
  }
{{helpers}}}
""";
}
