// The unknown fn is reported at its value, with the workflow it most likely meant.
def log = new File(basedir, 'build.log').text
assert log.contains("src/events/callback-event.yaml:4:7: error[HC2017]: unknown function 'handleCalback'")
assert log.contains("did you mean 'handleCallback'?")
assert log.contains('hookc found 1 error and 0 warnings')
assert !new File(basedir, 'target/generated-sources/hookc').exists()
