package dev.minrole.generator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.template.TemplateProject;
import dev.minrole.analyzer.template.TemplateResolver;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.synth.ArnContext;
import dev.minrole.generator.synth.Permission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformPermissionsTest {
  private static final ArnContext CONTEXT =
      new ArnContext("aws", Optional.of("eu-west-1"), Optional.of("111122223333"), Map.of());
  private static final TemplateResolver.Options DEPLOYMENT =
      new TemplateResolver.Options(
          Map.of(), Optional.empty(), Optional.of("eu-west-1"), Optional.of("111122223333"), "aws");

  @TempDir Path dir;

  private TemplateProject load(String yaml) throws IOException {
    Path file = dir.resolve("template.yaml");
    Files.writeString(file, yaml);
    return TemplateProject.load(file, "template.yaml", DEPLOYMENT);
  }

  private List<String> platform(TemplateProject project, String action) {
    return new PlatformPermissions(IamCatalog.bundled(), CONTEXT)
        .of(project.functions().get(0)).permissions().stream()
            .filter(p -> p.action().equals(action))
            .map(PlatformPermissionsTest::describe)
            .distinct()
            .toList();
  }

  private static String describe(Permission p) {
    return p.resource()
        + p.conditions().stream()
            .map(c -> " " + c.operator() + " " + c.key() + "=" + c.values())
            .reduce("", String::concat);
  }

  @Test
  void fileSystem_throughAnAccessPoint_isGrantedOnTheFileSystemsWithTheAccessPointAsCondition()
      throws IOException {
    TemplateProject project =
        load(
            """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: fn
                  Handler: app.Fn
                  FileSystemConfigs:
                    - Arn: arn:aws:elasticfilesystem:eu-west-1:111122223333:access-point/fsap-0a1b2c3d4e5f67890
                      LocalMountPath: /mnt/data
                    - Arn: !GetAtt Ap.Arn
                      LocalMountPath: /mnt/more
              Ap:
                Type: AWS::EFS::AccessPoint
            """);

    assertThat(platform(project, "elasticfilesystem:ClientMount"))
        .containsExactly(
            "arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/* StringEquals elasticfilesystem:AccessPointArn="
                + "[arn:aws:elasticfilesystem:eu-west-1:111122223333:access-point/fsap-0a1b2c3d4e5f67890]",
            "arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/* StringLike elasticfilesystem:AccessPointArn="
                + "[arn:aws:elasticfilesystem:eu-west-1:111122223333:access-point/*]");
  }

  @Test
  void eventSources_encryptedWithACustomerKey_needKmsDecrypt_andAwsManagedKeysNothing()
      throws IOException {
    TemplateProject project =
        load(
            """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: fn
                  Handler: app.Fn
                  Events:
                    Jobs:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt Jobs.Arn
                    Plain:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt Plain.Arn
                    Clicks:
                      Type: Kinesis
                      Properties:
                        Stream: !GetAtt Clicks.Arn
                        StartingPosition: LATEST
              Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  KmsMasterKeyId: !Ref JobsKey
              Plain:
                Type: AWS::SQS::Queue
                Properties:
                  KmsMasterKeyId: alias/aws/sqs
              Clicks:
                Type: AWS::Kinesis::Stream
                Properties:
                  StreamEncryption: {EncryptionType: KMS, KeyId: 1234abcd-12ab-34cd-56ef-1234567890ab}
              JobsKey:
                Type: AWS::KMS::Key
            """);

    assertThat(platform(project, "kms:Decrypt"))
        .containsExactlyInAnyOrder(
            "arn:aws:kms:eu-west-1:111122223333:key/*",
            "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
  }
}
