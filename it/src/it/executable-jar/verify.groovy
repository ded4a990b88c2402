// The jar that hookc:executable-jar made runs with `java -jar`, its dependencies from target/lib,
// mapping the training run's class-data archive through target/hookc.args; it answers, and stops
// gracefully on SIGTERM. Every wait is bounded; the application is killed at the end if need be.
import java.util.concurrent.TimeUnit
import java.util.jar.JarFile

def buildLog = new File(basedir, 'build.log').text
def jar = new File(basedir, 'target/executable-jar.jar')
def manifest = new JarFile(jar).withCloseable { it.manifest.mainAttributes }
assert manifest.getValue('Main-Class') == 'com.example.hookc.HookcApplication'
def classPath = manifest.getValue('Class-Path').split(' ')
assert classPath.any { it ==~ /lib\/hookc-runtime-.+\.jar/ }
assert classPath.every { new File(basedir, "target/${it}").isFile() }
assert buildLog.contains('hookc: executable-jar.jar runs com.example.hookc.HookcApplication with')
// A JDK without a base class-data archive cannot dump one; the build says so and goes on.
def archived = new File(basedir, 'target/hookc.jsa').isFile()
assert archived || buildLog.contains('cannot dump a class-data archive')
assert new File(basedir, 'target/hookc.args').readLines().contains('-XX:SharedArchiveFile=target/hookc.jsa')

def log = new File(basedir, 'application.log')
def java = new File(System.getProperty('java.home'), 'bin/java').path
def builder = new ProcessBuilder(java, '-XX:+UseSerialGC', '@target/hookc.args', '-Xlog:class+load=info:file=target/class-load.log', '-jar', 'target/executable-jar.jar')
    .directory(basedir)
    .redirectErrorStream(true)
    .redirectOutput(log)
builder.environment().put('PORT', '0')
def application = builder.start()
try {
  def port = null
  long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60)
  while (port == null && System.nanoTime() < deadline) {
    def serving = log.text =~ /hookc: serving 1 route on http:\/\/localhost:(\d+)/
    if (serving.find()) {
      port = serving.group(1) as int
    } else {
      assert application.alive : "the jar exited (${application.exitValue()}):\n${log.text}"
      Thread.sleep(50)
    }
  }
  assert port != null : "not serving after 60 s:\n${log.text}"

  def connection = new URL("http://127.0.0.1:${port}/hello").openConnection()
  connection.connectTimeout = 5000
  connection.readTimeout = 10000
  connection.requestMethod = 'POST'
  connection.doOutput = true
  connection.setRequestProperty('Content-Type', 'application/json')
  connection.outputStream.withCloseable { it.write('{"name":"Ada"}'.bytes) }
  assert connection.responseCode == 200
  assert connection.inputStream.text == '{"greeting":"hello Ada"}'

  application.destroy() // SIGTERM
  assert application.waitFor(30, TimeUnit.SECONDS) : "did not stop on SIGTERM:\n${log.text}"
  assert log.text.contains('HookcServer: stopped after')
  if (archived) {
    // The runtime's classes came from the archive the training run wrote.
    def loaded = new File(basedir, 'target/class-load.log').readLines()
        .findAll { it.contains(' dev.hookc.runtime.HookcServer ') }
    assert loaded && loaded.every { it.endsWith('source: shared objects file (top)') }
  }
} finally {
  application.destroyForcibly()
}
