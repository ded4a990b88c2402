// A new user's project: created from the archetype, built and tested (invoker.properties), then
// run with `mvn hookc:run` as the README says. The running service must answer a delivery signed
// with the project's local secret, as Standard Webhooks senders sign, and stop with Maven.
import java.util.concurrent.TimeUnit
import javax.crypto.Mac
import javax.crypto.spec.SecretKeySpec

def project = new File(basedir, 'orders')
assert new File(project, '.gitignore').text.contains('data/')
assert new File(project, 'src/datasources/db.yaml').isFile()
assert new File(project, 'src/datasources/db/V1__order_events.sql').isFile()
def build = new File(basedir, 'build.log').text
assert build.contains('hookc: generated')
assert build =~ /Tests run: 4, Failures: 0, Errors: 0, Skipped: 0\s/
assert !(build =~ /warning\[HC\d{4}\]/) : 'the new project builds without hookc warnings'

def windows = System.getProperty('os.name').startsWith('Windows')
def mvn = new File(System.getProperty('maven.home'), windows ? 'bin/mvn.cmd' : 'bin/mvn')
def port = new ServerSocket(0).withCloseable { it.localPort }
def log = new File(basedir, 'hookc-run.log')
def command = [mvn.path, '-B', '-o', "-Dmaven.repo.local=${localRepositoryPath}",
               "-Dhookc.port=${port}", 'hookc:run']
def builder = new ProcessBuilder(command.collect { it.toString() })
    .directory(project)
    .redirectErrorStream(true)
    .redirectOutput(log)
builder.environment().put('JAVA_HOME', System.getProperty('java.home'))
def maven = builder.start()

def post = { String body, Map<String, String> headers ->
  def connection = new URL("http://127.0.0.1:${port}/webhooks/orders").openConnection()
  connection.connectTimeout = 2000
  connection.readTimeout = 5000
  connection.requestMethod = 'POST'
  connection.doOutput = true
  connection.setRequestProperty('Content-Type', 'application/json')
  headers.each { name, value -> connection.setRequestProperty(name, value) }
  connection.outputStream.withCloseable { it.write(body.getBytes('UTF-8')) }
  def stream = connection.responseCode < 400 ? connection.inputStream : connection.errorStream
  return "${connection.responseCode} ${stream?.text}"
}
def signed = { String id, String body ->
  def secret = (new File(project, 'config/default.yaml').text =~ /webhook_secret: whsec_(\S+)/)[0][1]
  def timestamp = (System.currentTimeMillis() / 1000) as long
  def mac = Mac.getInstance('HmacSHA256')
  mac.init(new SecretKeySpec(secret.decodeBase64(), 'HmacSHA256'))
  def signature = mac.doFinal("${id}.${timestamp}.${body}".getBytes('UTF-8')).encodeBase64()
  return ['webhook-id': id, 'webhook-timestamp': "${timestamp}", 'webhook-signature': "v1,${signature}"]
}

def applications = []
try {
  long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180)
  while (!log.text.contains('hookc: watching')) {
    assert maven.alive : "mvn hookc:run exited (${maven.exitValue()}):\n${log.text}"
    assert System.nanoTime() < deadline : "hookc:run did not start within 180 s:\n${log.text}"
    Thread.sleep(100)
  }
  def body = '{"type":"order.created","data":{"id":"ord_1"}}'
  assert post(body, [:]).startsWith('401 ') : 'an unsigned delivery is refused'
  def answer = post(body, signed('msg_1', body))
  assert answer == '200 {"received":true,"order":"ord_1","events":1}'

  // What `mvn hookc:run` serves besides the routes: the API document and Swagger UI's page.
  def get = { String path ->
    def connection = new URL("http://127.0.0.1:${port}${path}").openConnection()
    connection.connectTimeout = 2000
    connection.readTimeout = 5000
    def stream = connection.responseCode < 400 ? connection.inputStream : connection.errorStream
    return [connection.responseCode, connection.contentType, stream?.text]
  }
  def (docsStatus, docsType, docs) = get('/api-docs')
  assert docsStatus == 200 && docsType.startsWith('application/json')
  assert docs.contains('"openapi" : "3.1') || docs.contains('"openapi":"3.1')
  assert docs.contains('/webhooks/orders')
  def (uiStatus, uiType, ui) = get('/api-docs/ui')
  assert uiStatus == 200 && uiType.startsWith('text/html') : "Swagger UI: ${uiStatus} ${ui}"
  assert ui.contains('swagger-ui')

  applications = maven.toHandle().descendants().toList()
  maven.destroy() // SIGTERM, as Ctrl-C
  assert maven.waitFor(60, TimeUnit.SECONDS) : "mvn hookc:run did not stop:\n${log.text}"
  applications.each { it.onExit().get(30, TimeUnit.SECONDS) }
  assert log.text.contains('HookcServer: stopped after')
} finally {
  (applications + maven.toHandle().descendants().toList()).each { it.destroyForcibly() }
  maven.destroyForcibly()
}
