package dev.lifecycle.demo;

import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/** The chat line protocol, shared by both chat servers and the demo's clients. */
final class ChatProtocol {
  private ChatProtocol() {}

  /** The answer to one client line; {@code mailer} sends a password-reset email. */
  static String answer(String line, Predicate<String> mailer) {
    if (line.startsWith("HELLO")) {
      return "WELCOME";
    }
    if (line.startsWith("MSG")) {
      return "OK";
    }
    if (line.startsWith("RESET ")) {
      return mailer.test(line.substring(6)) ? "SENT" : "FAILED";
    }
    if (line.equals("PING")) {
      return "PONG";
    }
    return "ERR unknown command";
  }

  static byte[] email(String address) {
    return ("To: " + address + "\nSubject: reset your password\n\nFollow the link to reset your password.\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}
