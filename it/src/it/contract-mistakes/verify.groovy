// Mistakes in parameters and in http.yaml are all reported in one build, each where it was made.
def log = new File(basedir, 'build.log').text
assert log.contains("src/events/items.yaml:7:15: error[HC2101]: query parameter 'filter' is sent as text")
assert log.contains("src/events/items.yaml:9:11: error[HC2016]: unknown parameter location 'body'")
assert log.contains("src/eventsources/http.yaml:2:1: error[HC2103]: unknown http.yaml key 'base_ulr'")
assert log.contains("did you mean 'base_url'?")
assert log.contains("src/eventsources/http.yaml:3:16: error[HC2102]")
assert log.contains('hookc found 4 errors and 0 warnings')
assert !new File(basedir, 'target/generated-sources/hookc').exists()
