// The role lacks sqs:SendMessage: check failed the build, naming the permission, the function and
// the file and line of the SDK call that needs it; the report files are still written.
def log = new File(basedir, 'build.log').text
assert log.contains('ReceiptFunction: missing sqs:SendMessage on arn:aws:sqs:eu-west-1:123456789012:fulfilment')
assert log =~ /needed by src\/main\/java\/com\/example\/receipts\/Fulfilment\.java:16/
assert log.contains('BUILD FAILURE')
assert !log.contains('missing s3:PutObject') : 'S3WritePolicy grants the put'
def minrole = new File(basedir, 'target/minrole')
assert new File(minrole, 'ReceiptFunction.json').isFile()
assert new File(minrole, 'diff.md').text.contains('sqs:SendMessage')
def sarif = new File(minrole, 'minrole.sarif').text
assert sarif.contains('sqs:SendMessage')
assert sarif.contains('src/main/java/com/example/receipts/Fulfilment.java')
return true
