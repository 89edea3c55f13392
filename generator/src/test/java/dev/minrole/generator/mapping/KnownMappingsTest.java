package dev.minrole.generator.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known mappings across the 30 services Lambda functions use most, each with the AWS page that
 * states it. A row is {@code service | operation | request members | permissions | source}: members
 * as {@code Name=value & ...}, permissions as {@code action resource} joined by {@code ;} (sorted),
 * {@code -} for none. ARNs are built for region eu-west-1 and account 111122223333.
 */
class KnownMappingsTest {
  private static final String SAR =
      "https://docs.aws.amazon.com/service-authorization/latest/reference/";
  private static final String Q = "https://sqs.eu-west-1.amazonaws.com/111122223333/jobs";
  private static final String TOPIC = "arn:aws:sns:eu-west-1:111122223333:alerts";
  private static final String VIA_S3 = " [StringLike:kms:ViaService=[s3.eu-west-1.amazonaws.com]]";
  private static final String PASS_TO_LAMBDA =
      " [StringEquals:iam:PassedToService=[lambda.amazonaws.com]]";

  private static final String TABLE =
      """
      s3 | GetObject | Bucket=media & Key=in/a.jpg | s3:GetObject arn:aws:s3:::media/in/a.jpg | https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html
      s3 | GetObject | Bucket=media & Key=in/a.jpg & VersionId=v1 | s3:GetObjectVersion arn:aws:s3:::media/in/a.jpg | https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html
      s3 | HeadObject | Bucket=media & Key=in/* | s3:GetObject arn:aws:s3:::media/in/* | https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html
      s3 | HeadObject | Bucket=media & Key=a & VersionId=? | s3:GetObjectVersion arn:aws:s3:::media/a | https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html
      s3 | HeadObject | Bucket=media & Key=in/a & waiter=ObjectExists | s3:GetObject arn:aws:s3:::media/in/a; s3:ListBucket arn:aws:s3:::media | https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html
      s3 | HeadBucket | Bucket=media | s3:ListBucket arn:aws:s3:::media | https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadBucket.html
      s3 | ListObjectsV2 | Bucket=media | s3:ListBucket arn:aws:s3:::media | https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html
      s3 | ListObjects | Bucket=media | s3:ListBucket arn:aws:s3:::media | https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjects.html
      s3 | ListObjectVersions | Bucket=media | s3:ListBucketVersions arn:aws:s3:::media | https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectVersions.html
      s3 | ListBuckets | | s3:ListAllMyBuckets * | https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html
      s3 | PutObject | Bucket=media & Key=out/a.json | s3:PutObject arn:aws:s3:::media/out/a.json | https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html
      s3 | PutObject | Bucket=media & Key=a & ACL=public-read | s3:PutObject arn:aws:s3:::media/a; s3:PutObjectAcl arn:aws:s3:::media/a | https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html
      s3 | PutObject | Bucket=media & Key=a & GrantRead=id=x | s3:PutObject arn:aws:s3:::media/a; s3:PutObjectAcl arn:aws:s3:::media/a | https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html
      s3 | PutObject | Bucket=media & Key=a & Tagging=team=web | s3:PutObject arn:aws:s3:::media/a; s3:PutObjectTagging arn:aws:s3:::media/a | https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html
      s3 | PutObject | Bucket=media & Key=a & ObjectLockLegalHoldStatus=ON | s3:PutObject arn:aws:s3:::media/a; s3:PutObjectLegalHold arn:aws:s3:::media/a | https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html
      s3 | PutObject | Bucket=media & Key=a & SSEKMSKeyId=arn:aws:kms:eu-west-1:111122223333:key/k1 | kms:GenerateDataKey arn:aws:kms:eu-west-1:111122223333:key/k1%VIA_S3%; s3:PutObject arn:aws:s3:::media/a | https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
      s3 | PutObject | Bucket=media & Key=a & ServerSideEncryption=AWS_KMS & SSEKMSKeyId=k1 | kms:GenerateDataKey arn:aws:kms:eu-west-1:111122223333:key/k1%VIA_S3%; s3:PutObject arn:aws:s3:::media/a | https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
      s3 | PutObject | Bucket=media & Key=a & ServerSideEncryption=AES256 | s3:PutObject arn:aws:s3:::media/a | https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
      s3 | CopyObject | SourceBucket=in & SourceKey=a.txt & DestinationBucket=out & DestinationKey=b.txt | s3:GetObject arn:aws:s3:::in/a.txt; s3:PutObject arn:aws:s3:::out/b.txt | https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html
      s3 | CopyObject | CopySource=in/dir%20x/a.txt & DestinationBucket=out & DestinationKey=b.txt | s3:GetObject arn:aws:s3:::in/dir x/a.txt; s3:PutObject arn:aws:s3:::out/b.txt | https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html
      s3 | CopyObject | SourceBucket=in & SourceKey=a & SourceVersionId=v2 & DestinationBucket=out & DestinationKey=a & Tagging=k=v | s3:GetObjectVersion arn:aws:s3:::in/a; s3:PutObject arn:aws:s3:::out/a; s3:PutObjectTagging arn:aws:s3:::out/a | https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html
      s3 | CreateMultipartUpload | Bucket=media & Key=big.bin | s3:PutObject arn:aws:s3:::media/big.bin | https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateMultipartUpload.html
      s3 | UploadPart | Bucket=media & Key=big.bin | s3:PutObject arn:aws:s3:::media/big.bin | https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPart.html
      s3 | CompleteMultipartUpload | Bucket=media & Key=big.bin | s3:PutObject arn:aws:s3:::media/big.bin | https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html
      s3 | AbortMultipartUpload | Bucket=media & Key=big.bin | s3:AbortMultipartUpload arn:aws:s3:::media/big.bin | https://docs.aws.amazon.com/AmazonS3/latest/API/API_AbortMultipartUpload.html
      s3 | ListParts | Bucket=media & Key=big.bin | s3:ListMultipartUploadParts arn:aws:s3:::media/big.bin | https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListParts.html
      s3 | UploadPartCopy | SourceBucket=in & SourceKey=a & DestinationBucket=out & DestinationKey=b | s3:GetObject arn:aws:s3:::in/a; s3:PutObject arn:aws:s3:::out/b | https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPartCopy.html
      s3 | DeleteObjects | Bucket=media & Delete.Objects[0].Key=a & Delete.Objects[1].Key=b | s3:DeleteObject arn:aws:s3:::media/a; s3:DeleteObject arn:aws:s3:::media/b | https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html
      s3 | DeleteObject | Bucket=media & Key=a & VersionId=v | s3:DeleteObjectVersion arn:aws:s3:::media/a | https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObject.html
      s3 | GetBucketLifecycleConfiguration | Bucket=media | s3:GetLifecycleConfiguration arn:aws:s3:::media | https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html
      s3 | PutBucketEncryption | Bucket=media | s3:PutEncryptionConfiguration arn:aws:s3:::media | https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html
      s3 | DeletePublicAccessBlock | Bucket=media | s3:PutBucketPublicAccessBlock arn:aws:s3:::media | https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html
      s3 | GetObjectLockConfiguration | Bucket=media | s3:GetBucketObjectLockConfiguration arn:aws:s3:::media | https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html
      s3 | SelectObjectContent | Bucket=media & Key=data.csv | s3:GetObject arn:aws:s3:::media/data.csv | https://docs.aws.amazon.com/AmazonS3/latest/API/API_SelectObjectContent.html
      dynamodb | GetItem | TableName=orders | dynamodb:GetItem arn:aws:dynamodb:eu-west-1:111122223333:table/orders | %SAR%list_amazondynamodb.html
      dynamodb | PutItem | TableName=$ORDERS | dynamodb:PutItem arn:aws:dynamodb:eu-west-1:111122223333:table/* | %SAR%list_amazondynamodb.html
      dynamodb | Query | TableName=orders & IndexName=byCustomer | dynamodb:Query arn:aws:dynamodb:eu-west-1:111122223333:table/orders/index/byCustomer | https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/using-identity-based-policies.html
      dynamodb | Query | TableName=orders | dynamodb:Query arn:aws:dynamodb:eu-west-1:111122223333:table/orders | %SAR%list_amazondynamodb.html
      dynamodb | Scan | TableName=orders & IndexName=byDate | dynamodb:Scan arn:aws:dynamodb:eu-west-1:111122223333:table/orders/index/byDate | https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/using-identity-based-policies.html
      dynamodb | BatchWriteItem | RequestItems[0].key=orders & RequestItems[1].key=audit | dynamodb:BatchWriteItem arn:aws:dynamodb:eu-west-1:111122223333:table/audit; dynamodb:BatchWriteItem arn:aws:dynamodb:eu-west-1:111122223333:table/orders | https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/api-permissions-reference.html
      dynamodb | BatchGetItem | RequestItems[0].key=orders | dynamodb:BatchGetItem arn:aws:dynamodb:eu-west-1:111122223333:table/orders | https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/api-permissions-reference.html
      dynamodb | TransactWriteItems | TransactItems[0].Put.TableName=orders & TransactItems[1].Update.TableName=stock & TransactItems[2].ConditionCheck.TableName=customers | dynamodb:ConditionCheckItem arn:aws:dynamodb:eu-west-1:111122223333:table/customers; dynamodb:PutItem arn:aws:dynamodb:eu-west-1:111122223333:table/orders; dynamodb:UpdateItem arn:aws:dynamodb:eu-west-1:111122223333:table/stock | https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html
      dynamodb | TransactWriteItems | TransactItems[0].Delete.TableName=orders | dynamodb:DeleteItem arn:aws:dynamodb:eu-west-1:111122223333:table/orders | https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html
      dynamodb | TransactGetItems | TransactItems[0].Get.TableName=orders & TransactItems[1].Get.TableName=stock | dynamodb:GetItem arn:aws:dynamodb:eu-west-1:111122223333:table/orders; dynamodb:GetItem arn:aws:dynamodb:eu-west-1:111122223333:table/stock | https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html
      dynamodb | ExecuteStatement | Statement=SELECT * FROM "orders" WHERE pk=? | dynamodb:PartiQLSelect arn:aws:dynamodb:eu-west-1:111122223333:table/orders | https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-iam.html
      dynamodb | ExecuteStatement | Statement=INSERT INTO orders VALUE {'pk': ?} | dynamodb:PartiQLInsert arn:aws:dynamodb:eu-west-1:111122223333:table/orders | https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-iam.html
      dynamodb | ExecuteStatement | Statement=  update "orders" SET n=1 WHERE pk=? | dynamodb:PartiQLUpdate arn:aws:dynamodb:eu-west-1:111122223333:table/orders | https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-iam.html
      dynamodb | ExecuteStatement | Statement=DELETE FROM "orders" WHERE pk=? | dynamodb:PartiQLDelete arn:aws:dynamodb:eu-west-1:111122223333:table/orders | https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-iam.html
      dynamodb | ExecuteStatement | Statement=SELECT * FROM "orders"."byCustomer" WHERE c=? | dynamodb:PartiQLSelect arn:aws:dynamodb:eu-west-1:111122223333:table/orders/index/byCustomer | https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-iam.html
      dynamodb | BatchExecuteStatement | Statements[0].Statement=SELECT * FROM "a" & Statements[1].Statement=DELETE FROM "b" WHERE pk=? | dynamodb:PartiQLDelete arn:aws:dynamodb:eu-west-1:111122223333:table/b; dynamodb:PartiQLSelect arn:aws:dynamodb:eu-west-1:111122223333:table/a | https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-iam.html
      dynamodb | DescribeStream | StreamArn=arn:aws:dynamodb:eu-west-1:111122223333:table/orders/stream/2024-01-01T00:00:00.000 | dynamodb:DescribeStream arn:aws:dynamodb:eu-west-1:111122223333:table/orders/stream/2024-01-01T00:00:00.000 | %SAR%list_amazondynamodb.html
      sqs | SendMessage | QueueUrl=%Q% | sqs:SendMessage arn:aws:sqs:eu-west-1:111122223333:jobs | %SAR%list_amazonsqs.html
      sqs | SendMessageBatch | QueueUrl=%Q% | sqs:SendMessage arn:aws:sqs:eu-west-1:111122223333:jobs | https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-api-permissions-reference.html
      sqs | ReceiveMessage | QueueUrl=%Q% | sqs:ReceiveMessage arn:aws:sqs:eu-west-1:111122223333:jobs | %SAR%list_amazonsqs.html
      sqs | DeleteMessageBatch | QueueUrl=%Q% | sqs:DeleteMessage arn:aws:sqs:eu-west-1:111122223333:jobs | https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-api-permissions-reference.html
      sqs | ChangeMessageVisibilityBatch | QueueUrl=%Q% | sqs:ChangeMessageVisibility arn:aws:sqs:eu-west-1:111122223333:jobs | https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-api-permissions-reference.html
      sqs | GetQueueUrl | QueueName=jobs | sqs:GetQueueUrl arn:aws:sqs:eu-west-1:111122223333:jobs | %SAR%list_amazonsqs.html
      sqs | GetQueueUrl | QueueName=jobs & QueueOwnerAWSAccountId=444455556666 | sqs:GetQueueUrl arn:aws:sqs:eu-west-1:444455556666:jobs | https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueUrl.html
      sqs | GetQueueUrl | QueueName=jobs & QueueOwnerAWSAccountId=? | sqs:GetQueueUrl arn:aws:sqs:eu-west-1:*:jobs | https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueUrl.html
      sns | Publish | TopicArn=%TOPIC% | sns:Publish %TOPIC% | %SAR%list_amazonsns.html
      sns | PublishBatch | TopicArn=%TOPIC% | sns:Publish %TOPIC% | https://docs.aws.amazon.com/sns/latest/api/API_PublishBatch.html
      sns | Subscribe | TopicArn=%TOPIC% | sns:Subscribe %TOPIC% | %SAR%list_amazonsns.html
      events | PutEvents | Entries[0].EventBusName=orders & Entries[1].Source=app | events:PutEvents arn:aws:events:eu-west-1:111122223333:event-bus/default; events:PutEvents arn:aws:events:eu-west-1:111122223333:event-bus/orders | https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEventsRequestEntry.html
      events | PutEvents | Entries[0].Source=app | events:PutEvents arn:aws:events:eu-west-1:111122223333:event-bus/default | https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEventsRequestEntry.html
      events | PutRule | Name=nightly | events:PutRule arn:aws:events:eu-west-1:111122223333:rule/nightly | %SAR%list_amazoneventbridge.html
      states | StartExecution | stateMachineArn=arn:aws:states:eu-west-1:111122223333:stateMachine:orders | states:StartExecution arn:aws:states:eu-west-1:111122223333:stateMachine:orders | %SAR%list_awsstepfunctions.html
      states | StartSyncExecution | stateMachineArn=arn:aws:states:eu-west-1:111122223333:stateMachine:orders | states:StartSyncExecution arn:aws:states:eu-west-1:111122223333:stateMachine:orders | %SAR%list_awsstepfunctions.html
      states | SendTaskSuccess | TaskToken=? | states:SendTaskSuccess * | %SAR%list_awsstepfunctions.html
      lambda | Invoke | FunctionName=worker | lambda:InvokeFunction arn:aws:lambda:eu-west-1:111122223333:function:worker | https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
      lambda | Invoke | FunctionName=worker & Qualifier=live | lambda:InvokeFunction arn:aws:lambda:eu-west-1:111122223333:function:worker:live | https://docs.aws.amazon.com/lambda/latest/dg/lambda-api-permissions-ref.html
      lambda | Invoke | FunctionName=worker:live | lambda:InvokeFunction arn:aws:lambda:eu-west-1:111122223333:function:worker:live | https://docs.aws.amazon.com/lambda/latest/dg/lambda-api-permissions-ref.html
      ssm | GetParameters | Names[0]=/app/a & Names[1]=/app/b | ssm:GetParameters arn:aws:ssm:eu-west-1:111122223333:parameter/app/a; ssm:GetParameters arn:aws:ssm:eu-west-1:111122223333:parameter/app/b | https://docs.aws.amazon.com/systems-manager/latest/userguide/ps-retrieval-authorization.html
      ssm | GetParametersByPath | Path=/app/prod & Recursive=true | ssm:GetParametersByPath arn:aws:ssm:eu-west-1:111122223333:parameter/app/prod | https://docs.aws.amazon.com/systems-manager/latest/userguide/ps-retrieval-authorization.html
      secretsmanager | BatchGetSecretValue | SecretIdList[0]=prod/db & SecretIdList[1]=prod/api | secretsmanager:BatchGetSecretValue *; secretsmanager:GetSecretValue arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/api-??????; secretsmanager:GetSecretValue arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-?????? | https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_BatchGetSecretValue.html
      ecs | RunTask | taskDefinition=worker:3 & overrides.taskRoleArn=arn:aws:iam::111122223333:role/task | ecs:RunTask arn:aws:ecs:eu-west-1:111122223333:task-definition/*:*; iam:PassRole arn:aws:iam::111122223333:role/task [StringEquals:iam:PassedToService=[ecs-tasks.amazonaws.com]] | https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html
      lambda | InvokeWithResponseStream | FunctionName=worker | lambda:InvokeFunction arn:aws:lambda:eu-west-1:111122223333:function:worker | https://docs.aws.amazon.com/lambda/latest/api/API_InvokeWithResponseStream.html
      lambda | UpdateFunctionCode | FunctionName=worker | lambda:UpdateFunctionCode arn:aws:lambda:eu-west-1:111122223333:function:worker | %SAR%list_awslambda.html
      lambda | CreateFunction | FunctionName=worker & Role=arn:aws:iam::111122223333:role/worker-role | iam:PassRole arn:aws:iam::111122223333:role/worker-role%PASS%; lambda:CreateFunction arn:aws:lambda:eu-west-1:111122223333:function:worker | https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html
      lambda | UpdateFunctionConfiguration | FunctionName=worker & Role=arn:aws:iam::111122223333:role/r2 | iam:PassRole arn:aws:iam::111122223333:role/r2%PASS%; lambda:UpdateFunctionConfiguration arn:aws:lambda:eu-west-1:111122223333:function:worker | https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html
      lambda | UpdateFunctionConfiguration | FunctionName=worker & Timeout=30 | lambda:UpdateFunctionConfiguration arn:aws:lambda:eu-west-1:111122223333:function:worker | https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html
      lambda | GetLayerVersionByArn | Arn=arn:aws:lambda:eu-west-1:111122223333:layer:utils:3 | lambda:GetLayerVersion arn:aws:lambda:eu-west-1:111122223333:layer:utils:3 | https://docs.aws.amazon.com/lambda/latest/api/API_GetLayerVersionByArn.html
      secretsmanager | GetSecretValue | SecretId=prod/db | secretsmanager:GetSecretValue arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-?????? | %SAR%list_awssecretsmanager.html
      secretsmanager | GetSecretValue | SecretId=arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf | secretsmanager:GetSecretValue arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf | %SAR%list_awssecretsmanager.html
      secretsmanager | GetSecretValue | SecretId=arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-?????? | secretsmanager:GetSecretValue arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-?????? | https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-secretsmanager-secret.html
      secretsmanager | CreateSecret | Name=prod/api | secretsmanager:CreateSecret arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/api-?????? | %SAR%list_awssecretsmanager.html
      ssm | GetParameter | Name=/app/db-url | ssm:GetParameter arn:aws:ssm:eu-west-1:111122223333:parameter/app/db-url | %SAR%list_awssystemsmanager.html
      ssm | PutParameter | Name=/app/flag | ssm:PutParameter arn:aws:ssm:eu-west-1:111122223333:parameter/app/flag | %SAR%list_awssystemsmanager.html
      kms | Decrypt | KeyId=1234abcd-12ab-34cd-56ef-1234567890ab | kms:Decrypt arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab | %SAR%list_awskeymanagementservice.html
      kms | Encrypt | KeyId=arn:aws:kms:eu-west-1:111122223333:key/k1 | kms:Encrypt arn:aws:kms:eu-west-1:111122223333:key/k1 | %SAR%list_awskeymanagementservice.html
      kms | GenerateDataKey | KeyId=k1 | kms:GenerateDataKey arn:aws:kms:eu-west-1:111122223333:key/k1 | %SAR%list_awskeymanagementservice.html
      kms | ReEncrypt | SourceKeyId=k1 & DestinationKeyId=k2 | kms:ReEncryptFrom arn:aws:kms:eu-west-1:111122223333:key/k1; kms:ReEncryptTo arn:aws:kms:eu-west-1:111122223333:key/k2 | https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html
      kinesis | PutRecord | StreamName=clicks | kinesis:PutRecord arn:aws:kinesis:eu-west-1:111122223333:stream/clicks | %SAR%list_amazonkinesis.html
      kinesis | PutRecords | StreamARN=arn:aws:kinesis:eu-west-1:111122223333:stream/clicks | kinesis:PutRecords arn:aws:kinesis:eu-west-1:111122223333:stream/clicks | %SAR%list_amazonkinesis.html
      kinesis | SubscribeToShard | ConsumerARN=arn:aws:kinesis:eu-west-1:111122223333:stream/clicks/consumer/app:1700000000 | kinesis:SubscribeToShard arn:aws:kinesis:eu-west-1:111122223333:stream/clicks/consumer/app:1700000000 | %SAR%list_amazonkinesis.html
      firehose | PutRecord | DeliveryStreamName=events | firehose:PutRecord arn:aws:firehose:eu-west-1:111122223333:deliverystream/events | %SAR%list_amazonkinesisfirehose.html
      firehose | PutRecordBatch | DeliveryStreamName=events | firehose:PutRecordBatch arn:aws:firehose:eu-west-1:111122223333:deliverystream/events | %SAR%list_amazonkinesisfirehose.html
      monitoring | PutMetricData | Namespace=App | cloudwatch:PutMetricData * | %SAR%list_amazoncloudwatch.html
      monitoring | GetMetricData | | cloudwatch:GetMetricData * | %SAR%list_amazoncloudwatch.html
      monitoring | PutMetricAlarm | AlarmName=high-errors | cloudwatch:PutMetricAlarm arn:aws:cloudwatch:eu-west-1:111122223333:alarm:high-errors | %SAR%list_amazoncloudwatch.html
      logs | PutLogEvents | logGroupName=/app & logStreamName=s1 | logs:PutLogEvents arn:aws:logs:eu-west-1:111122223333:log-group:/app:log-stream:s1 | %SAR%list_amazoncloudwatchlogs.html
      logs | CreateLogGroup | logGroupName=/app | logs:CreateLogGroup arn:aws:logs:eu-west-1:111122223333:log-group:/app | %SAR%list_amazoncloudwatchlogs.html
      logs | FilterLogEvents | logGroupName=/app | logs:FilterLogEvents arn:aws:logs:eu-west-1:111122223333:log-group:/app | %SAR%list_amazoncloudwatchlogs.html
      ses | SendEmail | Source=a@example.com | ses:SendEmail arn:aws:ses:eu-west-1:111122223333:identity/* | %SAR%list_amazonses.html
      ses | SendRawEmail | | ses:SendRawEmail arn:aws:ses:eu-west-1:111122223333:identity/* | %SAR%list_amazonses.html
      sts | GetCallerIdentity | | - | https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
      sts | AssumeRole | RoleArn=arn:aws:iam::222233334444:role/reader | sts:AssumeRole arn:aws:iam::222233334444:role/reader | %SAR%list_awssecuritytokenservice.html
      sts | AssumeRoleWithWebIdentity | RoleArn=arn:aws:iam::222233334444:role/web | - | https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
      cognito-idp | AdminGetUser | UserPoolId=eu-west-1_abc | cognito-idp:AdminGetUser arn:aws:cognito-idp:eu-west-1:111122223333:userpool/eu-west-1_abc | %SAR%list_amazoncognitouserpools.html
      cognito-idp | StartWebAuthnRegistration | AccessToken=? | - | https://docs.aws.amazon.com/cognito/latest/developerguide/user-pools-API-operations.html
      cognito-identity | GetId | | cognito-identity:GetId * | %SAR%list_amazoncognitoidentity.html
      athena | StartQueryExecution | QueryString=SELECT 1 | athena:StartQueryExecution arn:aws:athena:eu-west-1:111122223333:workgroup/primary | https://docs.aws.amazon.com/athena/latest/APIReference/API_StartQueryExecution.html
      athena | StartQueryExecution | QueryString=SELECT 1 & WorkGroup=analytics | athena:StartQueryExecution arn:aws:athena:eu-west-1:111122223333:workgroup/analytics | https://docs.aws.amazon.com/athena/latest/APIReference/API_StartQueryExecution.html
      athena | GetQueryExecution | QueryExecutionId=? | athena:GetQueryExecution arn:aws:athena:eu-west-1:111122223333:workgroup/* | %SAR%list_amazonathena.html
      glue | GetTable | DatabaseName=sales & Name=orders | glue:GetTable arn:aws:glue:eu-west-1:111122223333:catalog; glue:GetTable arn:aws:glue:eu-west-1:111122223333:database/sales; glue:GetTable arn:aws:glue:eu-west-1:111122223333:table/sales/orders | https://docs.aws.amazon.com/glue/latest/dg/glue-specifying-resource-arns.html
      glue | GetTables | DatabaseName=sales | glue:GetTables arn:aws:glue:eu-west-1:111122223333:catalog; glue:GetTables arn:aws:glue:eu-west-1:111122223333:database/sales; glue:GetTables arn:aws:glue:eu-west-1:111122223333:table/sales/* | https://docs.aws.amazon.com/glue/latest/dg/glue-specifying-resource-arns.html
      glue | GetDatabase | Name=sales | glue:GetDatabase arn:aws:glue:eu-west-1:111122223333:catalog; glue:GetDatabase arn:aws:glue:eu-west-1:111122223333:database/sales | https://docs.aws.amazon.com/glue/latest/dg/glue-specifying-resource-arns.html
      glue | StartJobRun | JobName=etl | glue:StartJobRun arn:aws:glue:eu-west-1:111122223333:job/etl | %SAR%list_awsglue.html
      rekognition | DetectLabels | Image.S3Object.Bucket=photos & Image.S3Object.Name=u/1.jpg | rekognition:DetectLabels *; s3:GetObject arn:aws:s3:::photos/u/1.jpg | https://docs.aws.amazon.com/rekognition/latest/APIReference/API_S3Object.html
      rekognition | DetectLabels | Image.Bytes=? | rekognition:DetectLabels * | https://docs.aws.amazon.com/rekognition/latest/APIReference/API_S3Object.html
      rekognition | IndexFaces | CollectionId=staff & Image.S3Object.Bucket=photos & Image.S3Object.Name=a.jpg | rekognition:IndexFaces arn:aws:rekognition:eu-west-1:111122223333:collection/staff; s3:GetObject arn:aws:s3:::photos/a.jpg | https://docs.aws.amazon.com/rekognition/latest/APIReference/API_S3Object.html
      rekognition | CompareFaces | SourceImage.S3Object.Bucket=a & SourceImage.S3Object.Name=1.jpg & TargetImage.S3Object.Bucket=b & TargetImage.S3Object.Name=2.jpg | rekognition:CompareFaces *; s3:GetObject arn:aws:s3:::a/1.jpg; s3:GetObject arn:aws:s3:::b/2.jpg | https://docs.aws.amazon.com/rekognition/latest/APIReference/API_S3Object.html
      textract | AnalyzeDocument | Document.S3Object.Bucket=docs & Document.S3Object.Name=f.pdf | s3:GetObject arn:aws:s3:::docs/f.pdf; textract:AnalyzeDocument * | https://docs.aws.amazon.com/textract/latest/dg/API_S3Object.html
      textract | StartDocumentTextDetection | DocumentLocation.S3Object.Bucket=docs & DocumentLocation.S3Object.Name=f.pdf & DocumentLocation.S3Object.Version=3 | s3:GetObjectVersion arn:aws:s3:::docs/f.pdf; textract:StartDocumentTextDetection * | https://docs.aws.amazon.com/textract/latest/dg/API_S3Object.html
      textract | AnalyzeID | DocumentPages[0].S3Object.Bucket=ids & DocumentPages[0].S3Object.Name=front.jpg & DocumentPages[1].S3Object.Bucket=ids & DocumentPages[1].S3Object.Name=back.jpg | s3:GetObject arn:aws:s3:::ids/back.jpg; s3:GetObject arn:aws:s3:::ids/front.jpg; textract:AnalyzeID * | https://docs.aws.amazon.com/textract/latest/dg/API_S3Object.html
      comprehend | DetectSentiment | Text=hi & LanguageCode=en | comprehend:DetectSentiment * | %SAR%list_amazoncomprehend.html
      comprehend | DetectPiiEntities | Text=hi & LanguageCode=en | comprehend:DetectPiiEntities * | %SAR%list_amazoncomprehend.html
      bedrock | InvokeModel | modelId=anthropic.claude-3-haiku-20240307-v1:0 | bedrock:InvokeModel arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0 | https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InvokeModel.html
      bedrock | Converse | modelId=amazon.nova-lite-v1:0 | bedrock:InvokeModel arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-lite-v1:0 | https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html
      bedrock | ConverseStream | modelId=amazon.nova-lite-v1:0 | bedrock:InvokeModelWithResponseStream arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-lite-v1:0 | https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html
      bedrock | Converse | modelId=eu.anthropic.claude-3-haiku-20240307-v1:0 | bedrock:InvokeModel arn:aws:bedrock:*::foundation-model/anthropic.claude-3-haiku-20240307-v1:0; bedrock:InvokeModel arn:aws:bedrock:eu-west-1:111122223333:inference-profile/eu.anthropic.claude-3-haiku-20240307-v1:0 | https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html
      bedrock | StartAsyncInvoke | modelId=amazon.nova-reel-v1:0 | bedrock:InvokeModel arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-reel-v1:0 | https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_StartAsyncInvoke.html
      bedrock | ListFoundationModels | | bedrock:ListFoundationModels * | %SAR%list_amazonbedrock.html
      sagemaker | InvokeEndpoint | EndpointName=churn | sagemaker:InvokeEndpoint arn:aws:sagemaker:eu-west-1:111122223333:endpoint/churn | %SAR%list_amazonsagemaker.html
      appconfig | GetLatestConfiguration | ConfigurationToken=? | appconfig:GetLatestConfiguration arn:aws:appconfig:eu-west-1:111122223333:application/*/environment/*/configuration/* | %SAR%list_awsappconfig.html
      execute-api | PostToConnection | ConnectionId=abc | execute-api:ManageConnections arn:aws:execute-api:eu-west-1:111122223333:*/*/POST/@connections/* | https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-control-access-iam.html
      execute-api | DeleteConnection | ConnectionId=abc | execute-api:ManageConnections arn:aws:execute-api:eu-west-1:111122223333:*/*/DELETE/@connections/* | https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-control-access-iam.html
      execute-api | GetConnection | ConnectionId=abc | execute-api:ManageConnections arn:aws:execute-api:eu-west-1:111122223333:*/*/GET/@connections/* | https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-control-access-iam.html
      ecr | GetAuthorizationToken | | ecr:GetAuthorizationToken * | %SAR%list_amazonelasticcontainerregistry.html
      ecr | BatchGetImage | repositoryName=app | ecr:BatchGetImage arn:aws:ecr:eu-west-1:111122223333:repository/app | %SAR%list_amazonelasticcontainerregistry.html
      ecs | ListClusters | | ecs:ListClusters * | %SAR%list_amazonelasticcontainerservice.html
      ecs | ListServices | cluster=jobs | ecs:ListServices * | %SAR%list_amazonelasticcontainerservice.html
      ec2 | DescribeInstances | | ec2:DescribeInstances * | %SAR%list_amazonec2.html
      ec2 | DescribeSecurityGroups | | ec2:DescribeSecurityGroups * | %SAR%list_amazonec2.html
      iam | GetRole | RoleName=worker | iam:GetRole arn:aws:iam::111122223333:role/worker | %SAR%list_awsidentityandaccessmanagementiam.html
      iam | ListRoles | | iam:ListRoles * | %SAR%list_awsidentityandaccessmanagementiam.html
      """;

  static Stream<Arguments> knownMappings() {
    return TABLE
        .lines()
        .filter(l -> !l.isBlank())
        .map(
            line -> {
              String expanded =
                  line.replace("%SAR%", SAR)
                      .replace("%Q%", Q)
                      .replace("%TOPIC%", TOPIC)
                      .replace("%VIA_S3%", VIA_S3)
                      .replace("%PASS%", PASS_TO_LAMBDA);
              String[] cells =
                  Arrays.stream(expanded.split("\\|", -1))
                      .map(String::strip)
                      .toArray(String[]::new);
              return Arguments.of(cells[0], cells[1], cells[2], cells[3], cells[4]);
            });
  }

  @ParameterizedTest(name = "{0}:{1} {2}")
  @MethodSource("knownMappings")
  void map_whenKnownOperation_needsDocumentedPermissions(
      String service, String operation, String args, String expected, String source) {
    List<String> want = expected.equals("-") ? List.of() : List.of(expected.split("; "));

    List<String> got = MappingFixture.permissions(MappingFixture.call(service, operation, args));

    assertThat(source).startsWith("https://docs.aws.amazon.com/");
    assertThat(got)
        .as("permissions of %s:%s (%s)", service, operation, source)
        .containsExactlyElementsOf(want);
  }

  @org.junit.jupiter.api.Test
  void table_coversTheThirtyServicesWithAtLeastOneHundredRows() {
    List<String> services = knownMappings().map(a -> (String) a.get()[0]).distinct().toList();

    assertThat(knownMappings().count()).isGreaterThanOrEqualTo(100);
    assertThat(services)
        .contains(
            "s3",
            "dynamodb",
            "sqs",
            "sns",
            "events",
            "states",
            "lambda",
            "secretsmanager",
            "ssm",
            "kms",
            "kinesis",
            "firehose",
            "monitoring",
            "logs",
            "ses",
            "sts",
            "cognito-idp",
            "athena",
            "glue",
            "rekognition",
            "textract",
            "comprehend",
            "bedrock",
            "sagemaker",
            "appconfig",
            "execute-api",
            "ecr",
            "ecs",
            "ec2",
            "iam");
  }
}
