// The second build (failOn=any) failed because minrole could not see all of the function's code.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log =~ /ReceiptFunction: minrole could not see all the code it runs \(src\/main\/java\/com\/example\/receipts\/ReceiptHandler\.java:\d+: .*reflection/
assert log.contains('[REFLECTIVE_CALL]')
assert new File(basedir, 'target/minrole/report.json').text.contains('"complete": false')
return true
