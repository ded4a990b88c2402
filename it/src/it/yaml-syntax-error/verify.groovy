// SnakeYAML's problem mark becomes a located error; no stack trace reaches the user.
def log = new File(basedir, 'build.log').text
assert log =~ /src\/functions\/handleCallback\.yaml:7:1: error\[HC1001\]/
assert !log.contains('at org.yaml.snakeyaml')
assert log.contains('hookc found 1 error and 0 warnings')
