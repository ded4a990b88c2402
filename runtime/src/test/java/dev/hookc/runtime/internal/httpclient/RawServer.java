package dev.hookc.runtime.internal.httpclient;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server that misbehaves below HTTP: it accepts and never answers, answers part of a
 * response and stalls, or closes the connection once the request has arrived.
 */
final class RawServer implements AutoCloseable {

  /** What to do with an accepted connection. */
  @FunctionalInterface
  interface Behaviour {
    void serve(Socket socket) throws IOException;
  }

  private final ServerSocket server;
  private final List<Socket> held = new CopyOnWriteArrayList<>();
  final AtomicInteger connections = new AtomicInteger();
  private final Thread acceptor;

  RawServer(Behaviour behaviour) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket socket = server.accept();
                  held.add(socket);
                  connections.incrementAndGet();
                  Thread serving = new Thread(() -> serve(behaviour, socket), "raw-connection");
                  serving.setDaemon(true);
                  serving.start();
                } catch (IOException e) {
                  return;
                }
              }
            },
            "raw-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private static void serve(Behaviour behaviour, Socket socket) {
    try {
      behaviour.serve(socket);
    } catch (IOException e) {
      // the client went away
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** Reads a request's head and its body of {@code Content-Length} bytes. */
  static void readRequest(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      head.append((char) b);
    }
    java.util.regex.Matcher length =
        java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
    if (length.find()) {
      in.readNBytes(Integer.parseInt(length.group(1)));
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : held) {
      socket.close();
    }
  }
}
