// The program ran (exec:java) and printed its outcome; both tests ran and passed.
def log = new File(basedir, 'build.log').text
assert log.contains('BOM consumer: schedule ') : 'the program did not run'
assert log =~ /BOM consumer: schedule \S+ is dry_run after 1 attempt\(s\); 1 request\(s\) built for X, first: POST \S+\/2\/tweets/
assert log =~ /Tests run: 2, Failures: 0, Errors: 0, Skipped: 0/ : 'the consumer tests did not run'
return true
