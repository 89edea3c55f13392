package dev.minrole.engine;

import com.github.javaparser.JavaParser;
import dev.minrole.analyzer.java.JavaSourceLoader;
import dev.minrole.analyzer.libraries.LibraryModels;
import dev.minrole.analyzer.sdk.SdkInventory;
import dev.minrole.analyzer.sdk.SdkResponses;
import dev.minrole.analyzer.sdk.SdkUtilities;
import dev.minrole.analyzer.template.ResourceTypes;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.declared.DeclaredPolicies;
import dev.minrole.generator.mapping.OperationMapper;
import dev.minrole.generator.platform.PlatformPermissions;

/**
 * Loads the knowledge the pipeline reads (IAM catalog, operation mapping, SDK inventory index,
 * library models, SAM policy templates and managed policies, platform rules) on a background
 * thread, so that a short run does this while its front end starts and while it parses the template
 * and the sources. Each piece is loaded once behind its own lock: the pipeline waits for a piece
 * still loading instead of loading it again, and loads itself what was not reached. A failure here
 * is ignored; the pipeline meets it again and reports it.
 */
public final class Warmup {
  private Warmup() {}

  /** Starts loading on a daemon thread and returns at once. */
  public static void start() {
    Thread thread = new Thread(Warmup::load, "minrole-warmup");
    thread.setDaemon(true);
    thread.start();
  }

  private static void load() {
    try {
      // First what makes the pipeline's own first steps faster: a small YAML file (the template
      // is parsed next on the main thread) and a tiny Java parse (the sources after that), so
      // the YAML and JavaParser classes are initialized here. Then the data synthesis needs.
      ResourceTypes.bundled();
      new JavaParser(JavaSourceLoader.parserConfiguration()).parse("class Warm { void m() {} }");
      SdkInventory.bundled();
      LibraryModels.bundled();
      SdkUtilities.bundled();
      SdkResponses.bundled();
      OperationMapper.bundled();
      IamCatalog.bundled();
      DeclaredPolicies.bundled();
      PlatformPermissions.rules();
    } catch (RuntimeException e) {
      // The pipeline loads the same data itself and reports what goes wrong.
    }
  }
}
