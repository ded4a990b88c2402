// The guide's project generated its code and its HTTP tests passed against the served routes.
def log = new File(basedir, 'build.log').text
assert log.contains('hookc: generated')
assert log =~ /Tests run: 5, Failures: 0, Errors: 0/
assert new File(basedir, 'target/generated-sources/hookc/dev/hookc/examples/callback/HookcApplication.java').isFile()
assert !(log =~ /warning\[HC\d{4}\]/) : 'a correct project builds without hookc warnings'
