// Mistakes in parameters and in http.yaml are all reported in one build, each where it was made.
// See ../_shared/expected-diagnostics.groovy.
evaluate(new File(basedir, "../../../src/it/_shared/expected-diagnostics.groovy"))
def log = new File(basedir, 'build.log').text
assert log.contains("query parameter 'filter' is sent as text, which cannot become type 'object'")
assert log.contains("did you mean 'base_url'?")
assert !new File(basedir, 'target/generated-sources/hookc').exists()
