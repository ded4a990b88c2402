// The payment project generated its code and its HTTP tests (H2 upsert included) passed.
def log = new File(basedir, 'build.log').text
assert log.contains('hookc: generated')
assert log =~ /Tests run: 4, Failures: 0, Errors: 0/
assert !(log =~ /warning\[HC\d{4}\]/) : 'a correct project builds without hookc warnings'
