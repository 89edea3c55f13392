// Each module checked its own function of the top-level template, in a parallel build.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !log.contains('@threadSafe') : 'both goals are thread-safe'
def orders = new File(basedir, 'orders/target/minrole')
def payments = new File(basedir, 'payments/target/minrole')
assert new File(orders, 'OrdersFunction.json').text.contains('dynamodb:GetItem')
assert !new File(orders, 'PaymentsFunction.json').exists()
assert new File(payments, 'PaymentsFunction.json').text.contains('arn:aws:sqs:eu-west-1:123456789012:payments')
assert !new File(payments, 'OrdersFunction.json').exists()
assert new File(orders, 'diff.md').isFile() && new File(payments, 'diff.md').isFile()
assert !new File(basedir, 'target/minrole').exists() : 'the top-level project has no sources'
assert log.contains('minrole: no Java sources in this project')
return true
