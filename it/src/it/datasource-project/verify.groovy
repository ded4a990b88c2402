// The datasource project generated its code and its HTTP tests (H2 and the provider stub) passed.
def log = new File(basedir, 'build.log').text
assert log.contains('hookc: generated')
def results = log =~ /Results:\s+\[INFO\]\s+\[INFO\] Tests run: (\d+), Failures: 0, Errors: 0/
assert results.find() : 'the project\'s tests ran and passed'
assert (results.group(1) as int) >= 2 : "only ${results.group(1)} tests ran"
assert !(log =~ /warning\[HC\d{4}\]/) : 'a correct project builds without hookc warnings'
