package dev.minrole.generator.aws;

/**
 * Credentials for SDK clients that talk to the local server: the default chain reads them first.
 */
final class FakeCredentials {
  private FakeCredentials() {}

  static void install() {
    System.setProperty("aws.accessKeyId", "AKIDLOCALTEST");
    System.setProperty("aws.secretAccessKey", "local-test-secret");
  }
}
