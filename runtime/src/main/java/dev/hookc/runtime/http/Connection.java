package dev.hookc.runtime.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Map;

/**
 * One client connection, as a state machine driven by the selector thread: it reads a request's
 * head and whole body, hands the complete request over, writes the answer (or leaves what does not
 * fit to the selector), and then reads the next request or closes.
 *
 * <p>Every method runs on the selector thread except {@link #answerOnWorker}, which runs while the
 * connection is {@code BUSY} and the selector leaves it alone.
 */
final class Connection {

  private static final System.Logger LOG = System.getLogger("dev.hookc.runtime.http");

  /** Between requests: nothing of the next one has arrived. */
  private static final int IDLE = 0;

  private static final int HEAD = 1;
  private static final int BODY = 2;

  /** A complete request is being answered; nothing is read meanwhile. */
  private static final int BUSY = 3;

  /** The answer waits for the client to read it. */
  private static final int WRITING = 4;

  /**
   * Output is shut; input is read and dropped until the client closes, so that it gets the answer.
   */
  private static final int LINGERING = 5;

  private static final int CLOSED = 6;

  private static final byte[] NONE = new byte[0];
  private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(ISO_8859_1);

  private final SelectorLoop loop;
  private final SocketChannel channel;
  private final InetAddress address;
  private final RequestHeadParser parser = new RequestHeadParser();
  private SelectionKey key;
  private int interest;
  private int state = IDLE;
  private long since;
  private boolean used;
  private BodyDecoder body;
  private Exchange exchange;
  private ByteBuffer leftover;

  /** The position in the selector loop's list of connections. */
  int index = -1;

  Connection(SelectorLoop loop, SocketChannel channel, InetAddress address) {
    this.loop = loop;
    this.channel = channel;
    this.address = address;
    this.since = loop.now();
  }

  void register(Selector selector) throws ClosedChannelException {
    interest = SelectionKey.OP_READ;
    key = channel.register(selector, interest, this);
  }

  InetAddress address() {
    return address;
  }

  void onReadable() throws IOException {
    if (state == LINGERING) {
      discardInput();
      return;
    }
    if (state > BODY) {
      return;
    }
    ByteBuffer buffer = loop.readBuffer();
    buffer.clear();
    int n = channel.read(buffer);
    if (n < 0) {
      // A request cut short has nobody left to answer.
      close();
    } else if (n > 0) {
      buffer.flip();
      consume(buffer);
    }
  }

  void onWritable() throws IOException {
    if (state == WRITING && exchange.output().writeTo(channel)) {
      responseDone();
    }
  }

  /** Enforces the time limits of the current state; called now and then by the selector loop. */
  void checkDeadline(long now) {
    Deadlines deadlines = loop.deadlines();
    long elapsed = now - since;
    switch (state) {
      case IDLE -> {
        if (deadlines.idleExpired(elapsed, used)) {
          close();
        }
      }
      case HEAD -> rejectIfLate(deadlines.headExpired(elapsed));
      case BODY -> rejectIfLate(deadlines.bodyTooSlow(elapsed, body.received()));
      case WRITING -> {
        if (deadlines.responseExpired(elapsed)) {
          close();
        }
      }
      case LINGERING -> {
        if (deadlines.lingerExpired(elapsed)) {
          close();
        }
      }
      default -> {
        // BUSY has no deadline here: the handler's time is the application's business.
      }
    }
  }

  /** Answers the exchange here, on the selector thread: it holds no slot. */
  void answerHere() {
    try {
      loop.application().handle(exchange);
    } catch (RuntimeException | Error e) {
      LOG.log(Level.ERROR, "answering without a slot failed", e);
    }
    send();
  }

  /** Answers {@code current} on a worker, writes what fits, and hands the rest to the selector. */
  void answerOnWorker(Exchange current) {
    boolean failed = true;
    try {
      try {
        loop.application().handle(current);
      } catch (RuntimeException | Error e) {
        LOG.log(Level.ERROR, "the application failed to answer", e);
      }
      answerIfUnanswered(current);
      current.output().writeTo(channel);
      failed = false;
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "client disconnected before the response was sent");
    } finally {
      // The slot goes back before the selector reads this client's next request, so that a client
      // sending requests back to back never meets its own request's slot still taken.
      loop.workers().release();
      boolean writeFailed = failed;
      loop.post(() -> afterWorker(current, writeFailed));
    }
  }

  void close() {
    if (state == CLOSED) {
      return;
    }
    if (exchange != null && state != BUSY) {
      loop.settle(exchange);
    }
    state = CLOSED;
    releaseBody();
    if (key != null) {
      key.cancel();
    }
    try {
      channel.close();
    } catch (IOException e) {
      // nothing left to release
    }
    loop.closed(this);
  }

  private void consume(ByteBuffer in) {
    try {
      while (state <= BODY) {
        if (state == IDLE) {
          if (!in.hasRemaining()) {
            return;
          }
          become(HEAD);
        }
        if (state == HEAD) {
          if (!parser.parse(in)) {
            return;
          }
          headDone(in);
        } else {
          if (!body.decode(in)) {
            return;
          }
          byte[] bytes = body.body();
          // From here on the body is the handler's, as any memory it uses.
          body.release();
          body = null;
          dispatch(bytes);
        }
      }
      if ((state == BUSY || state == WRITING) && in.hasRemaining()) {
        // The next request, pipelined: kept until this one is answered. Nothing more is read
        // meanwhile, so this is at most one read's worth, copied once out of the shared buffer.
        @SuppressWarnings("ReferenceEquality") // that very buffer, shared by the loop's connections
        boolean shared = in == loop.readBuffer();
        leftover = shared ? ByteBuffer.wrap(copyOf(in)) : in;
      }
    } catch (RequestRejected e) {
      reject(e.rejection());
    } catch (IOException e) {
      close();
    }
  }

  private void headDone(ByteBuffer in) throws RequestRejected, IOException {
    String method = parser.method();
    RequestTarget target = RequestTarget.parse(method, parser.target());
    Framing framing = Framing.of(parser.minorVersion(), parser.headers());
    exchange =
        new Exchange(
            method,
            target.path(),
            target.query(),
            parser.headers(),
            framing.keepAlive(),
            parser.minorVersion() == 0);
    parser.reset();
    long limit = loop.route(exchange);
    if (!framing.hasBody()) {
      dispatch(NONE);
      return;
    }
    if (limit < 0) {
      // Nothing will read the body: answer at once, and close rather than skip it.
      exchange.closeAfterAnswer();
      dispatch(NONE);
      return;
    }
    if (framing.contentLength() > limit) {
      throw new RequestRejected(Rejection.tooLarge(limit));
    }
    if (framing.expectContinue() && !in.hasRemaining()) {
      if (!new PendingOutput(ByteBuffer.wrap(CONTINUE)).writeTo(channel)) {
        throw new IOException("no room for 100 Continue in a fresh send buffer");
      }
    }
    body =
        framing.chunked()
            ? new ChunkedBodyDecoder(limit, loop.bodyBudget())
            : new FixedLengthBody(framing.contentLength(), loop.bodyBudget());
    become(BODY);
  }

  private void rejectIfLate(Rejection late) {
    if (late != null) {
      reject(late);
    }
  }

  private void releaseBody() {
    if (body != null) {
      body.release();
      body = null;
    }
  }

  private void dispatch(byte[] bytes) {
    exchange.body(bytes);
    become(BUSY);
    loop.dispatch(this, exchange);
  }

  private void reject(Rejection rejection) {
    Exchange refused =
        exchange != null ? exchange : Exchange.refused(parser.method(), parser.target());
    refused.closeAfterAnswer();
    exchange = refused;
    releaseBody();
    leftover = null;
    become(BUSY);
    try {
      loop.application().reject(refused, rejection);
    } catch (RuntimeException | Error e) {
      LOG.log(Level.ERROR, "the application failed to answer a refused request", e);
    }
    send();
  }

  /** Writes the answer of a request answered on this thread. */
  private void send() {
    answerIfUnanswered(exchange);
    try {
      if (exchange.output().writeTo(channel)) {
        responseDone();
      } else {
        become(WRITING);
      }
    } catch (IOException e) {
      close();
    }
  }

  private void afterWorker(Exchange done, boolean failed) {
    if (state == CLOSED || failed) {
      loop.settle(done);
      close();
    } else if (!done.output().finished()) {
      become(WRITING);
    } else {
      responseDone();
    }
  }

  private void responseDone() {
    Exchange done = exchange;
    exchange = null;
    used = true;
    loop.settle(done);
    if (done.closeAfter()) {
      linger();
      return;
    }
    become(IDLE);
    if (leftover != null) {
      ByteBuffer next = leftover;
      leftover = null;
      consume(next);
    }
  }

  private void linger() {
    try {
      channel.shutdownOutput();
    } catch (IOException e) {
      close();
      return;
    }
    become(LINGERING);
  }

  private void discardInput() throws IOException {
    ByteBuffer buffer = loop.readBuffer();
    for (int i = 0; i < 16; i++) {
      buffer.clear();
      int n = channel.read(buffer);
      if (n < 0) {
        close();
        return;
      }
      if (n == 0) {
        return;
      }
    }
  }

  private void become(int next) {
    state = next;
    since = loop.now();
    int wanted = next == BUSY ? 0 : next == WRITING ? SelectionKey.OP_WRITE : SelectionKey.OP_READ;
    if (wanted != interest) {
      interest = wanted;
      key.interestOps(wanted);
    }
  }

  private static byte[] copyOf(ByteBuffer in) {
    byte[] copy = new byte[in.remaining()];
    in.get(copy);
    return copy;
  }

  private static void answerIfUnanswered(Exchange exchange) {
    if (exchange.output() == null) {
      // The application failed before answering; the client still gets a status.
      exchange.respond(500, Map.of("Connection", List.of("close")), NONE);
    }
  }
}
