// Shared check of the failing scenarios: the build reported exactly the diagnostics listed in the
// scenario's expected-diagnostics.txt (file:line:column: severity[code]), in that order — file
// and line order — and its summary counted them. `failures` is what the summary must say.
def log = new File(basedir, 'build.log').text
def located = log.readLines()
    .collect { (it =~ /^\[(?:ERROR|WARNING)\] (\S+:\d+:\d+: (?:error|warning)\[HC\d{4}\])/) }
    .findAll { it.find() }
    .collect { it.group(1) }
def expected = new File(basedir, 'expected-diagnostics.txt').readLines().findAll { it.trim() }
assert located == expected : "reported:\n${located.join('\n')}\nexpected:\n${expected.join('\n')}"
def errors = expected.count { it.contains(': error[') }
def warnings = expected.size() - errors
assert log.contains("hookc found ${errors} error${errors == 1 ? '' : 's'} and ${warnings} warning${warnings == 1 ? '' : 's'}")
assert !log.contains('internal error') : 'user mistakes are never reported as a bug in hookc'
