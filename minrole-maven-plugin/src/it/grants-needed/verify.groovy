// The role grants what the code needs: the build passed, and both goals wrote their files.
def minrole = new File(basedir, 'target/minrole')
def policy = new File(minrole, 'ReceiptFunction.json').text
assert policy.contains('"s3:PutObject"')
assert policy.contains('arn:aws:s3:::acme-receipts/receipts/*.json')
assert policy.contains('"sqs:SendMessage"')
assert !policy.contains('s3:DeleteObject') : 'the unreachable delete is not needed'
def report = new File(minrole, 'report.json').text
assert report.contains('"ReceiptFunction"')
assert new File(minrole, 'diff.md').text.contains('ReceiptFunction')
assert new File(minrole, 'minrole.sarif').text.contains('"version": "2.1.0"')
def log = new File(basedir, 'build.log').text
assert log.contains('minrole: 0 missing')
assert log.contains('BUILD SUCCESS')
return true
