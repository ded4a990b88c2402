// Each mistake is reported with its own code at its own line and column, in one build.
def log = new File(basedir, 'build.log').text
assert log =~ /src\/functions\/place_order\.yaml:5:14: error\[HC3615\]: unknown log level 'verbose'/
assert log =~ /src\/functions\/place_order\.yaml:8:9: error\[HC3611\]/
assert log =~ /src\/functions\/place_order\.yaml:14:9: error\[HC3612\]/
assert log =~ /src\/functions\/place_order\.yaml:21:13: error\[HC3618\]/
assert log =~ /src\/functions\/place_order\.yaml:22:5: warning\[HC3616\]/
assert log =~ /src\/functions\/place_order\.yaml:24:21: error\[HC4009\][^\n]*did you mean 'limits'\?/
