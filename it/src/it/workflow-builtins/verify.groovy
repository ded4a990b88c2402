// Every built-in compiled, the unreachable task was flagged, and the HTTP tests passed.
def log = new File(basedir, 'build.log').text
assert log.contains('hookc: generated')
assert log =~ /src\/functions\/double_it\.yaml:5:5: warning\[HC3616\]/
assert log =~ /Tests run: 6, Failures: 0, Errors: 0/
assert new File(basedir, 'target/generated-sources/hookc/com/example/flow/HookcConfig.java').isFile()
