// The project's hooks compiled and answered validation errors in Godspeed's shape over HTTP.
def log = new File(basedir, 'build.log').text
assert log.contains('hookc: generated')
assert log =~ /Tests run: 3, Failures: 0, Errors: 0/
def hooks = 'target/generated-sources/hookc/com/example/hooks/workflows/hooks'
assert new File(basedir, "${hooks}/PostCallbackResponseValidationErrorWorkflow.java").isFile()
assert !(log =~ /warning\[HC\d{4}\]/) : 'a correct project builds without hookc warnings'
