package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.proptest.Gen;
import dev.lifecycle.proptest.Property;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Masking on a generated corpus: credential-bearing strings built from parts (a format, a key, a
 * random secret quoted or braced where the format requires it, text around it). For every case the
 * secret, in every form it takes in the text (raw, URL-encoded, JSON-escaped, braced, Base64), is
 * gone from the masked text when it is at least 4 characters long and occurs only once; the text
 * before the credential stays; and masking the masked text changes nothing.
 */
final class MaskingCorpusTest {
  /** One generated case: its format family, the text, the forms of the secret, the kept prefix. */
  record Case(String family, String text, List<String> secretForms, String kept) {
    @Override
    public String toString() {
      return family + ": " + text;
    }
  }

  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String ALNUM = LETTERS + "0123456789";

  /** Every character users put in passwords that the formats here have to cope with. */
  static final String FULL = ALNUM + "@/#:;=&%+!$ {}'\"";

  private static final int TRIES = 400;

  /** A secret of 4 to 16 characters from {@code alphabet}, starting with a letter. */
  static Gen<String> secrets(String alphabet) {
    return Gen.zip(
        Gen.strings(LETTERS, 1, 1), Gen.strings(alphabet, 3, 15), (first, rest) -> first + rest);
  }

  /** {@link #secrets} with no white space at either end (a URL cannot hold those). */
  static Gen<String> trimmedSecrets(String alphabet) {
    return secrets(alphabet).map(s -> s.strip().length() < 4 ? s.strip() + "zz9Q" : s.strip());
  }

  static String without(String alphabet, String removed) {
    StringBuilder kept = new StringBuilder();
    for (int i = 0; i < alphabet.length(); i++) {
      char c = alphabet.charAt(i);
      if (removed.indexOf(c) < 0) {
        kept.append(c);
      }
    }
    return kept.toString();
  }

  /** Text that comes before a credential in a log line or a report. */
  static final Gen<String> BEFORE =
      Gen.elementOf(
          "",
          "opening ",
          "lease 7 of pool \"main\": ",
          "ERROR [worker-3] cannot connect to ",
          "resource (",
          "line 1\n",
          "dsn=");

  /** Text that comes after it; free text may be masked with the value, so it is not checked. */
  static final Gen<String> AFTER =
      Gen.elementOf("", " failed after 3 s", ")", "\n\tat a.b.C.m(C.java:12)", ", retrying");

  private static Gen<Case> embedded(String family, Gen<String[]> credential) {
    return Gen.zip(
        Gen.zip(BEFORE, AFTER, (before, after) -> new String[] {before, after}),
        credential,
        (around, parts) -> {
          // parts: kept part of the credential, masked part, rest, then the secret's forms.
          String text = around[0] + parts[0] + parts[1] + parts[2] + around[1];
          List<String> forms = new ArrayList<>(List.of(parts).subList(3, parts.length));
          return new Case(family, text, forms, around[0] + parts[0]);
        });
  }

  // ---------------------------------------------------------------- families

  /** {@code scheme://user:secret@host...} for database and other URLs. */
  static Gen<Case> urlUserInfo(String family, List<String> schemes) {
    Gen<String> secret = trimmedSecrets(without(FULL, "\""));
    Gen<String> user = Gen.elementOf("app", "admin", "u-1", "svc.orders", "");
    Gen<String> rest =
        Gen.elementOf("db:5432/orders", "db.example.org/x?ssl=true", "10.0.0.7:6379/0", "h");
    return embedded(
        family,
        Gen.zip(
            Gen.zip(Gen.elementOf(schemes), user, (s, u) -> new String[] {s, u}),
            Gen.zip(secret, rest, (s, r) -> new String[] {s, r}),
            (su, sr) -> new String[] {su[0] + "://", su[1] + ":" + sr[0] + "@", sr[1], sr[0]}));
  }

  static final Gen<Case> JDBC_USER_INFO =
      urlUserInfo(
          "jdbc user info",
          List.of("jdbc:postgresql", "jdbc:mysql", "jdbc:mariadb", "postgresql", "mysql"));

  static final Gen<Case> OTHER_URLS =
      urlUserInfo(
          "other URLs",
          List.of("http", "https", "amqp", "amqps", "redis", "rediss", "mongodb+srv", "ftp",
              "smtp", "ldap"));

  /** JDBC query parameters: {@code ?user=app&password=<URL-encoded secret>&...}. */
  static final Gen<Case> JDBC_QUERY =
      embedded(
          "jdbc query",
          Gen.zip(
              Gen.elementOf(
                  "jdbc:mysql://db:3306/app?user=app&",
                  "jdbc:mariadb://db/app?",
                  "jdbc:postgresql://db/app?ssl=true&",
                  "jdbc:redshift://cluster.example.org:5439/dev?user=u&",
                  "jdbc:snowflake://acct.snowflakecomputing.com/?user=u&warehouse=w&"),
              Gen.zip(
                  secrets(FULL),
                  Gen.elementOf("password", "PASSWORD", "Password"),
                  (s, k) -> new String[] {s, k}),
              (prefix, sk) -> {
                String encoded = URLEncoder.encode(sk[0], StandardCharsets.UTF_8);
                return new String[] {prefix + sk[1] + "=", encoded, "&loginTimeout=5", encoded,
                    sk[0]};
              }));

  /** {@code ;password=} lists: SQL Server and ODBC brace a value that needs it; H2, DB2 cannot. */
  static final Gen<Case> JDBC_SEMICOLON =
      embedded(
          "jdbc semicolon",
          Gen.zip(
              Gen.elementOf(
                  "jdbc:sqlserver://db:1433;user=sa;password=",
                  "Driver={ODBC Driver 18 for SQL Server};Server=db;Uid=sa;Pwd=",
                  "jdbc:h2:mem:test;USER=sa;PASSWORD=",
                  "jdbc:db2://db:50000/SAMPLE:user=db2;password="),
              secrets(FULL),
              (prefix, secret) -> {
                boolean braces = prefix.contains("sqlserver") || prefix.contains("ODBC");
                String value;
                if (braces
                    && (secret.indexOf(';') >= 0 || secret.indexOf('}') >= 0
                        || "{'\"".indexOf(secret.charAt(0)) >= 0)) {
                  value = "{" + secret.replace("}", "}}") + "}";
                } else {
                  value = braces ? secret : secret.replaceAll("[;{}'\"]", "x");
                }
                String raw = braces ? secret : value;
                return new String[] {prefix, value, ";encrypt=true", value, raw};
              }));

  /** Oracle thin and OCI: {@code user/password@}, the password quoted unless a plain word. */
  static final Gen<Case> ORACLE =
      embedded(
          "oracle",
          Gen.zip(
              Gen.elementOf("jdbc:oracle:thin:", "jdbc:oracle:oci:", "JDBC:ORACLE:THIN:"),
              Gen.zip(
                  secrets(without(FULL, "\"")),
                  Gen.elementOf(
                      "db:1521/ORCL", "//db.example.org:1521/ORCL",
                      "(DESCRIPTION=(ADDRESS=(HOST=db)(PORT=1521)))"),
                  (s, h) -> new String[] {s, h}),
              (prefix, sh) -> {
                String password = sh[0].matches("[A-Za-z0-9_$#]+") ? sh[0] : "\"" + sh[0] + "\"";
                return new String[] {prefix, "scott/" + password + "@", sh[1], sh[0]};
              }));

  /** JSON objects with a secret field at different nesting and spacing. */
  static final Gen<Case> JSON =
      embedded(
          "json",
          Gen.zip(
              Gen.zip(
                  Gen.elementOf(
                      "password", "apiKey", "api_key", "client_secret", "access_token",
                      "refresh_token", "secret", "privateKey", "db_password", "Authorization"),
                  Gen.elementOf("\":\"", "\": \"", "\" : \"", "\":  \""),
                  (k, s) -> new String[] {k, s}),
              Gen.zip(
                  secrets(FULL),
                  Gen.elementOf(
                      "{\"", "{\"user\":\"app\",\"", "{\"db\": {\"user\": \"app\", \"",
                      "[{\"name\":\"x\",\"", "{\n  \"user\": \"app\",\n  \""),
                  (s, o) -> new String[] {s, o}),
              (ks, so) -> {
                String escaped = so[0].replace("\"", "\\\"");
                String close = so[1].startsWith("[") ? "}]" : so[1].contains("db") ? "}}" : "}";
                return new String[] {so[1] + ks[0] + ks[1], escaped, "\", \"pool\": 5" + close,
                    escaped, so[0]};
              }));

  /** HTTP headers that carry credentials, in a request dump. */
  static final Gen<Case> HEADERS =
      Gen.zip(
          Gen.zip(
              Gen.elementOf("", "GET /orders HTTP/1.1\nHost: api.example.org\n", "request: "),
              Gen.elementOf(0, 1, 2, 3, 4, 5),
              (before, kind) -> new Object[] {before, kind}),
          Gen.zip(
              secrets(ALNUM + "-._~+/"),
              secrets(FULL),
              (token, password) -> new String[] {token, password}),
          (bk, secrets) -> {
            String before = (String) bk[0];
            String token = secrets[0];
            String basic =
                Base64.getEncoder()
                    .encodeToString(("app:" + secrets[1]).getBytes(StandardCharsets.UTF_8));
            String[] header =
                switch ((Integer) bk[1]) {
                  case 0 -> new String[] {"Authorization: Bearer ", token, ""};
                  case 1 -> new String[] {"Authorization: Basic ", basic, ""};
                  case 2 -> new String[] {"Proxy-Authorization: Basic ", basic, ""};
                  case 3 -> new String[] {"X-Api-Key: ", token, ""};
                  case 4 -> new String[] {"Cookie: ", "session=" + token, "; theme=dark"};
                  default -> new String[] {"Set-Cookie: ", "sid=" + token, "; Path=/; HttpOnly"};
                };
            String text = before + header[0] + header[1] + header[2] + "\nAccept: */*";
            return new Case("headers", text, List.of(token, basic), before + header[0]);
          });

  /** {@code key=value} lists with different separators, keys and quoting styles. */
  static final Gen<Case> KEY_VALUES =
      embedded(
          "key=value lists",
          Gen.zip(
              Gen.zip(
                  Gen.elementOf("&", ";", ",", ", ", " ", "\n"),
                  Gen.elementOf(
                      "password", "pwd", "pass", "passphrase", "secret", "token", "api_key",
                      "apiKey", "client_secret", "access_token", "refresh_token", "secret_key",
                      "private_key", "credentials", "credential", "auth", "sessionid",
                      "user.password", "javax.net.ssl.keyStorePassword", "sslpassword",
                      "PASSWORD"),
                  (sep, key) -> new String[] {sep, key}),
              Gen.zip(secrets(FULL), Gen.ints(0, 2), (s, at) -> new Object[] {s, at}),
              (sk, sa) -> keyValueList(sk[0], sk[1], (String) sa[0], (Integer) sa[1])));

  /** Four pairs, the secret one at {@code at}, its value quoted as {@code sep} needs. */
  private static String[] keyValueList(String sep, String key, String secret, int at) {
    String value;
    boolean startsQuoted = "{'\"".indexOf(secret.charAt(0)) >= 0;
    switch (sep) {
      case "&" -> value = URLEncoder.encode(secret, StandardCharsets.UTF_8);
      case ";" ->
          value =
              secret.indexOf(';') >= 0 || secret.indexOf('}') >= 0 || startsQuoted
                  ? "{" + secret.replace("}", "}}") + "}"
                  : secret;
      case ",", ", " ->
          value = secret.indexOf(',') >= 0 ? "\"" + secret.replace("\"", "\\\"") + "\"" : secret;
      case " " ->
          value =
              secret.indexOf(' ') >= 0 || secret.indexOf('"') >= 0 || secret.indexOf('\'') >= 0
                  ? "\"" + secret.replace("\"", "\\\"") + "\""
                  : secret;
      default -> value = secret; // a properties file: the value is the rest of the line
    }
    List<String> pairs = new ArrayList<>(List.of("user=app", "host=db", "timeout=5"));
    StringBuilder kept = new StringBuilder();
    for (int i = 0; i < at; i++) {
      kept.append(pairs.get(i)).append(sep);
    }
    kept.append(key).append('=');
    StringBuilder rest = new StringBuilder();
    for (int i = at; i < pairs.size(); i++) {
      rest.append(sep).append(pairs.get(i));
    }
    return new String[] {kept.toString(), value, rest.toString(), value, secret};
  }

  /** {@code user:secret@host:port} and {@code user:secret@host/path} without a scheme. */
  static final Gen<Case> SCHEMELESS =
      embedded(
          "scheme-less",
          Gen.zip(
              Gen.elementOf("user", "app", "svc-orders"),
              Gen.zip(
                  secrets(ALNUM + "@:#%+!$&"),
                  Gen.elementOf("host:5432", "db.example.org/x", "10.0.0.7:6379"),
                  (s, h) -> new String[] {s, h}),
              (user, sh) -> new String[] {"", user + ":" + sh[0] + "@", sh[1], sh[0]}));

  static final List<Gen<Case>> FAMILIES =
      List.of(
          JDBC_USER_INFO, JDBC_QUERY, JDBC_SEMICOLON, ORACLE, OTHER_URLS, JSON, HEADERS,
          KEY_VALUES, SCHEMELESS);

  // ---------------------------------------------------------------- the property

  /** What is wrong with the masking of {@code c}, or nothing. */
  static List<String> problems(Case c) {
    String masked = Masking.mask(c.text());
    List<String> problems = new ArrayList<>();
    for (String form : c.secretForms()) {
      if (form.length() >= 4
          && c.text().indexOf(form) == c.text().lastIndexOf(form)
          && masked.contains(form)) {
        problems.add("secret " + form + " still in " + masked);
      }
    }
    if (!masked.startsWith(c.kept())) {
      problems.add("lost the text before the credential, " + c.kept() + ", in " + masked);
    }
    String twice = Masking.mask(masked);
    if (!twice.equals(masked)) {
      problems.add("not idempotent: " + masked + " masked again is " + twice);
    }
    return problems;
  }

  private static void check(Gen<Case> cases) {
    Property.forAll(cases).tries(TRIES).check(c -> assertThat(problems(c)).as("%s", c).isEmpty());
  }

  @Test
  void mask_jdbcUserInfo_hidesSecret() {
    check(JDBC_USER_INFO);
  }

  @Test
  void mask_jdbcQuery_hidesSecret() {
    check(JDBC_QUERY);
  }

  @Test
  void mask_jdbcSemicolonList_hidesSecret() {
    check(JDBC_SEMICOLON);
  }

  @Test
  void mask_oracle_hidesSecret() {
    check(ORACLE);
  }

  @Test
  void mask_otherUrls_hidesSecret() {
    check(OTHER_URLS);
  }

  @Test
  void mask_json_hidesSecret() {
    check(JSON);
  }

  @Test
  void mask_httpHeaders_hidesSecret() {
    check(HEADERS);
  }

  @Test
  void mask_keyValueLists_hidesSecret() {
    check(KEY_VALUES);
  }

  @Test
  void mask_schemeLess_hidesSecret() {
    check(SCHEMELESS);
  }
}
