// Every mistake, across four files and all stages, is reported in one build, in file and line
// order, each at its own line and column.
def log = new File(basedir, 'build.log').text
def located = log.readLines().findAll { it.contains(': error[') || it.contains(': warning[') }
    .collect { it.replaceFirst(/^\[(ERROR|WARNING)\] /, '') }
    .collect { it.replaceFirst(/^(\S+:\d+:\d+: \w+\[HC\d{4}\]).*$/, '$1') }
def expected = new File(basedir, 'expected-diagnostics.txt').readLines().findAll { it.trim() }
assert located == expected : "reported:\n${located.join('\n')}\nexpected:\n${expected.join('\n')}"
assert log.contains("hookc found ${expected.size()} errors")
