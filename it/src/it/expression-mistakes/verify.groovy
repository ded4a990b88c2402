// Every mistake is reported in one build, in file and line order, each at its own line and
// column, as listed in expected-diagnostics.txt.
def log = new File(basedir, 'build.log').text
def located = log.readLines()
    .collect { (it =~ /^\[(?:ERROR|WARNING)\] (\S+:\d+:\d+: (?:error|warning)\[HC\d{4}\])/) }
    .findAll { it.find() }
    .collect { it.group(1) }
def expected = new File(basedir, 'expected-diagnostics.txt').readLines().findAll { it.trim() }
assert located == expected : "reported:\n${located.join('\n')}\nexpected:\n${expected.join('\n')}"
assert log.contains("hookc found ${expected.size()} errors")
