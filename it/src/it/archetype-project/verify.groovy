// The archetype's project was created, built with its generated code, and its test passed.
def project = new File(basedir, 'orders')
assert new File(project, 'pom.xml').isFile()
assert new File(project, '.gitignore').text.contains('data/')
assert new File(project, 'src/main/java/com/acme/orders/functions/RecordDelivery.java').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('hookc: generated')
assert log =~ /Tests run: 4, Failures: 0, Errors: 0/
assert !(log =~ /warning\[HC\d{4}\]/) : 'the new project builds without hookc warnings'
