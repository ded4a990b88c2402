// The misspelt task id is reported at its own column inside the <% %> expression.
def log = new File(basedir, 'build.log').text
assert log =~ /src\/functions\/handleCallback\.yaml:13:20: error\[HC4\d{3}\]: [^\n]*'validate_calback'/
assert log.contains("did you mean 'validate_callback'?")
