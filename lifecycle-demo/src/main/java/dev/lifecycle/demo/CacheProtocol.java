package dev.lifecycle.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The binary cache's request handling, shared by both servers: {@code GET hit-k} reads a cached
 * file, {@code GET miss-k} fetches from the origin (which never answers: the handler blocks, as the
 * postmortem's backend did), {@code PING} answers PONG.
 */
final class CacheProtocol {
  static final int FILES = 16;

  private CacheProtocol() {}

  static Path createStore() throws IOException {
    Path dir = Files.createTempDirectory("demo-cache");
    for (int i = 0; i < FILES; i++) {
      Files.write(dir.resolve("hit-" + i), new byte[4096]);
    }
    return dir;
  }

  /** Reads a cached file; opens (and closes) one FD. */
  static long readCached(Path store, String key) throws IOException {
    try (InputStream in = Files.newInputStream(store.resolve(key))) {
      return in.transferTo(java.io.OutputStream.nullOutputStream());
    }
  }

  /** Fetches {@code key} from the origin on {@code upstream}, which the caller owns; no timeout. */
  static String fetch(Socket upstream, int originPort, String key) throws IOException {
    upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), originPort), 2_000);
    PrintWriter out = new PrintWriter(upstream.getOutputStream(), true, StandardCharsets.UTF_8);
    BufferedReader in = new BufferedReader(new InputStreamReader(upstream.getInputStream(), StandardCharsets.UTF_8));
    out.println("FETCH " + key);
    return String.valueOf(in.readLine()); // blocks: the origin never answers
  }
}
