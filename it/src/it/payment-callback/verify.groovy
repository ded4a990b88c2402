// The payment project generated its code and the example's HTTP tests (stub gateway, H2 table) passed.
def log = new File(basedir, 'build.log').text
assert log.contains('hookc: generated')
def results = log =~ /Results:\s+\[INFO\]\s+\[INFO\] Tests run: (\d+), Failures: 0, Errors: 0/
assert results.find() : 'the example\'s tests ran and passed'
assert (results.group(1) as int) >= 10 : "only ${results.group(1)} tests ran"
assert !(log =~ /warning\[HC\d{4}\]/) : 'a correct project builds without hookc warnings'
