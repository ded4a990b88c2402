// `mvn hookc:run` on the project the scenario's build just built: started in the background on a
// free port, it must serve, restart with a YAML edit, print a broken edit's located error while
// the running application keeps answering, and stop its application when Maven is stopped
// (SIGTERM, as Ctrl-C's shutdown). Every wait is bounded; whatever is left is killed at the end.
import java.util.concurrent.TimeUnit

def windows = System.getProperty('os.name').startsWith('Windows')
def mvn = new File(System.getProperty('maven.home'), windows ? 'bin/mvn.cmd' : 'bin/mvn')
def port = new ServerSocket(0).withCloseable { it.localPort }
def log = new File(basedir, 'hookc-run.log')
def workflow = new File(basedir, 'src/functions/hello.yaml')
def original = workflow.text

def command = [mvn.path, '-B', '-o', "-Dmaven.repo.local=${localRepositoryPath}",
               "-Dhookc.port=${port}", 'hookc:run']
def builder = new ProcessBuilder(command.collect { it.toString() })
    .directory(basedir)
    .redirectErrorStream(true)
    .redirectOutput(log)
builder.environment().put('JAVA_HOME', System.getProperty('java.home'))
def maven = builder.start()
def applications = []

def waitFor = { String what, long seconds, Closure<Boolean> done ->
  long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
  while (System.nanoTime() < deadline) {
    if (done()) {
      return
    }
    assert maven.alive : "mvn hookc:run exited (${maven.exitValue()}) before ${what}:\n${log.text}"
    Thread.sleep(100)
  }
  throw new AssertionError("not ${what} within ${seconds} s:\n${log.text}")
}
def post = {
  def connection = new URL("http://127.0.0.1:${port}/hello").openConnection()
  connection.connectTimeout = 2000
  connection.readTimeout = 5000
  connection.requestMethod = 'POST'
  connection.doOutput = true
  connection.setRequestProperty('Content-Type', 'application/json')
  connection.outputStream.withCloseable { it.write('{"name":"Ada"}'.bytes) }
  try {
    return "${connection.responseCode} ${connection.inputStream.text}"
  } catch (IOException e) {
    return "${connection.responseCode} ${connection.errorStream?.text}"
  }
}
def answers = { String wanted ->
  try {
    def answer = post()
    return answer.startsWith('200 ') && answer.contains(wanted)
  } catch (IOException e) {
    return false // restarting: nothing listens for a moment
  }
}

try {
  // The fork builds the project, then the application serves and the watch starts.
  waitFor('watching', 180) { log.text.contains('hookc: watching') }
  waitFor('answering', 60) { answers('"version":1') }
  assert post().contains('hello Ada')
  applications = maven.toHandle().descendants().toList()
  assert !applications.isEmpty() : 'the application runs in a JVM of its own'

  workflow.text = original.replace('version: 1', 'version: 2')
  waitFor('answering with the edit', 60) { answers('"version":2') }
  waitFor('reporting the restart', 10) { log.text =~ /hookc: restarted in \d+ ms \(1 file changed/ }

  workflow.text = original.replace('fn: greet', 'fn: gret').replace('version: 1', 'version: 3')
  waitFor('reporting the error', 60) {
    log.text =~ /\[ERROR\] src\/functions\/hello\.yaml:4:9: error\[HC\d{4}\]: .*'gret'/
  }
  waitFor('saying it keeps the application', 10) { log.text.contains('hookc: not restarted') }
  assert post().contains('"version":2') : 'the application of the last good build keeps answering'

  applications = maven.toHandle().descendants().toList()
  maven.destroy() // SIGTERM: Maven's shutdown stops the application gracefully
  assert maven.waitFor(60, TimeUnit.SECONDS) : "mvn hookc:run did not stop:\n${log.text}"
  applications.each { it.onExit().get(30, TimeUnit.SECONDS) }
  assert applications.every { !it.alive } : 'the application stops with Maven'
  assert log.text.contains('HookcServer: stopped after')
  try {
    post()
    assert false : 'nothing answers once stopped'
  } catch (IOException expected) {
    // Connection refused.
  }
} finally {
  workflow.text = original
  (applications + maven.toHandle().descendants().toList()).each { it.destroyForcibly() }
  maven.destroyForcibly()
}
