package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.lifecycle.proptest.Gen;
import dev.lifecycle.proptest.Property;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The reported escapes, ordinary text that must stay, idempotence, robustness and cost. */
final class MaskingTest {
  /** Each case is a format users reported to escape masking: the text and what it must become. */
  static Stream<Arguments> reportedEscapes() {
    return Stream.of(
        // Oracle thin: user/password before @, no //.
        cases("jdbc:oracle:thin:scott/tiger@db:1521/ORCL", "jdbc:oracle:thin:***@db:1521/ORCL"),
        cases("jdbc:oracle:thin:scott/tiger@//db:1521/ORCL", "jdbc:oracle:thin:***@//db:1521/ORCL"),
        cases(
            "jdbc:oracle:thin:scott/\"p@ss word\"@db:1521/ORCL",
            "jdbc:oracle:thin:***@db:1521/ORCL"),
        // A password containing @ / # or spaces: the user info runs to the last @.
        cases("postgresql://app:p@ssw0rd@db/x", "postgresql://***@db/x"),
        cases("postgresql://app:pa/ss@db", "postgresql://***@db"),
        cases("mysql://u:pa#ss@h", "mysql://***@h"),
        cases("mysql://u:pa ss@h/x", "mysql://***@h/x"),
        cases("amqps://app:a b@ c@10.0.0.7:5671 failed", "amqps://***@10.0.0.7:5671 failed"),
        cases("ftp://u:a?b@files.example.org/in", "ftp://***@files.example.org/in"),
        // JSON.
        cases("{\"password\":\"hunter2\"}", "{\"password\":\"***\"}"),
        cases("{\"password\": \"hun\\\"ter\"}", "{\"password\": \"***\"}"),
        cases("{\"apiKey\":\"AKIA1234\",\"n\":1}", "{\"apiKey\":\"***\",\"n\":1}"),
        cases(
            "{\"client_secret\": \"s3cr3t\", \"x\": 2}",
            "{\"client_secret\": \"***\", \"x\": 2}"),
        // HTTP headers: the scheme stays, the credentials go.
        cases("Authorization: Bearer abc.def.ghi", "Authorization: Bearer ***"),
        cases("Authorization: Basic dXNlcjpwYXNz", "Authorization: Basic ***"),
        cases("Proxy-Authorization: Basic dXNlcjpwYXNz", "Proxy-Authorization: Basic ***"),
        cases("X-Api-Key: k3yk3y\nAccept: */*", "X-Api-Key: ***\nAccept: */*"),
        cases("Cookie: session=abc123; theme=dark\nHost: h", "Cookie: ***\nHost: h"),
        cases("Set-Cookie: sid=abc123; Path=/; HttpOnly", "Set-Cookie: ***"),
        // Braced (SQL Server, ODBC) and spaced values.
        cases("password={se;cret}", "password={***}"),
        cases("Server=db;Password={a;b}}c};Encrypt=true", "Server=db;Password={***};Encrypt=true"),
        cases("password=hunter 2", "password=***"),
        cases("jdbc:sqlserver://db;password=hunter 2;encrypt=true",
            "jdbc:sqlserver://db;password=***;encrypt=true"),
        // Keys.
        cases("pass=a1 passphrase=a2 credentials=a3 credential=a4",
            "pass=*** passphrase=*** credentials=*** credential=***"),
        cases("auth=a5, sessionid=a6, private_key=a7", "auth=***, sessionid=***, private_key=***"),
        cases("?client_secret=b1&refresh_token=b2&access_token=b3&secret_key=b4",
            "?client_secret=***&refresh_token=***&access_token=***&secret_key=***"),
        cases("https://h/cb?q=password%3Dsecret1%26user%3Dapp",
            "https://h/cb?q=password%3D***%26user%3Dapp"),
        cases("https://h/cb?q=password%3Asecret1&x=1", "https://h/cb?q=password%3A***&x=1"),
        cases("user.password=abc", "user.password=***"),
        cases("-Djavax.net.ssl.keyStorePassword=changeit -Dx=1",
            "-Djavax.net.ssl.keyStorePassword=*** -Dx=1"),
        cases("sslmode=require sslpassword=xyz", "sslmode=require sslpassword=***"),
        // user:password@host without a scheme.
        cases("user:hunter2@host:5432", "***@host:5432"),
        cases("connect to app:hunter2@db.example.org/x failed",
            "connect to ***@db.example.org/x failed"));
  }

  private static Arguments cases(String text, String masked) {
    return Arguments.of(text, masked);
  }

  @ParameterizedTest
  @MethodSource("reportedEscapes")
  void mask_reportedEscape_isMasked(String text, String masked) {
    assertThat(Masking.mask(text)).isEqualTo(masked);
  }

  /** Ordinary log text: nothing in it is a credential, so nothing changes. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "passwordless login enabled",
        "tokens: 5",
        "max_tokens=5 token_count=3",
        "https://example.org/x?y=1#top",
        "jdbc:postgresql://db.example.org:5432/orders?ssl=true",
        "https://host:8443/x?email=ops@example.org",
        "connecting to host:5432",
        "mail ops@example.org about it",
        "Contact: ops@example.org",
        "mailto:someone@example.org",
        "at a.b.C.m(C.java:12)",
        "at dev.x.TokenCache.get(TokenCache.java:12)",
        "took 350 ms, 1.5 s, 3 min",
        "at 12:30 ops@example.org restarted",
        "user=app",
        "jdbc:oracle:thin:@db:1521/ORCL",
        "file:/tmp/data.txt",
        "oauth=enabled",
        "{\"pin\": 1234, \"user\": \"app\"}",
        "scope \"GET /orders/42\" closed 3 resources",
        "",
      })
  void mask_ordinaryText_isUnchanged(String text) {
    assertThat(Masking.mask(text)).isEqualTo(text);
  }

  @Test
  void mask_anyText_isIdempotentAndNeverThrows() {
    // Pieces of every format, glued at random: the masker must not throw and must be a fixed point.
    Gen<String> pieces =
        Gen.elementOf(
            "://", ":", "@", "/", "password", "=", "\"", "'", "{", "}", ";", "&", ",", " ", "\n",
            "%3D", "jdbc:oracle:thin:", "token", "Authorization: ", "Bearer ", "\\", "a", "1",
            "db:5432", "***", "?", "#", "(", ")", "cookie");
    Property.forAll(Gen.lists(pieces, 0, 40).map(list -> String.join("", list)))
        .tries(1000)
        .check(
            text -> {
              String masked = Masking.mask(text);
              assertThat(Masking.mask(masked)).as("mask(mask(%s))", text).isEqualTo(masked);
            });
    Property.forAll(Gen.strings(0, 60))
        .tries(500)
        .check(text -> assertThatCode(() -> Masking.mask(text)).doesNotThrowAnyException());
  }

  @Test
  void maskOrNull_null_isNull() {
    assertThat(Masking.maskOrNull(null)).isNull();
    assertThat(Masking.maskOrNull("password=x")).isEqualTo("password=***");
  }

  /**
   * Adversarial inputs of 100 kB, each a piece repeated that makes a rule start or backtrack
   * again and again. Every rule scans the text in linear time, a few milliseconds here; the 2 s
   * bound is no performance goal, only a guard against a pattern that backtracks or restarts
   * quadratically or worse (seconds to hours at this size), and generous because the machines that
   * run the suite are shared.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "a:", "password=", "=a:", "x://a:", "x://a:b ", "jdbc:oracle:a:b/", "password=a;", "(a:",
        "password=a ", "password=\"", "\"password\":\"", "u:p@", ";", " ", "a"
      })
  void mask_100kBOfRepeatedPieces_isLinear(String piece) {
    // Not a timing assertion: a linear pass over 100 kB takes milliseconds, a backtracking one
    // (quadratic or worse: 10^10 steps and up) takes hours, so a deadline far above any load tells
    // the two apart without measuring speed.
    String text = piece.repeat(100_000 / piece.length()) + "@h:1";
    String masked = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Masking.mask(text));
    assertThat(masked).isNotNull();
  }
}
