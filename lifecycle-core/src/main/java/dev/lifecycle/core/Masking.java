package dev.lifecycle.core;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one masking path of the library: every report, log line, snapshot and exception message that
 * may carry user text (a URL, a resource description, a scope name, a {@code toString()}) goes
 * through {@link #mask(String)} before anyone sees it. Use it for your own listeners' output too.
 *
 * <p>What is masked, rule by rule:
 *
 * <ol>
 *   <li><b>User info of a URL</b>, {@code scheme://user:password@host}: everything between {@code
 *       //} and the <em>last</em> {@code @} before white space, so that a password containing
 *       {@code @ / # ? :} goes too. When that part has no {@code @} followed by a host, a password
 *       may hold spaces and runs to the last {@code @} of the line. {@code host:8443/...} and
 *       {@code host:1433;...} are ports, not passwords. A user name alone ({@code
 *       https://user@host}) is masked as well.
 *   <li><b>Oracle</b> {@code jdbc:oracle:thin:user/password@host}: the user and password, quoted
 *       ({@code "p@ss word"}) or not.
 *   <li><b>{@code user:password@host} without a scheme</b>, starting a word, when the host is
 *       followed by a port or a path ({@code app:pw@db:5432}, {@code app:pw@db.example.org/x}); an
 *       e-mail address ({@code mailto:ops@example.org}, {@code Contact: ops@example.org}) is not a
 *       credential and stays. Here the password runs to the last {@code @} of the word and cannot
 *       hold white space, an opening brace or {@code / " ' ( [ < = , ;} (a word of free text is all
 *       there is to go by).
 *   <li><b>Secret keys and their values</b>: a key that ends in {@code password}, {@code passwd},
 *       {@code passphrase}, {@code secret}, {@code token}, {@code api_key}, {@code access_key},
 *       {@code secret_key}, {@code private_key}, {@code credential(s)} or {@code session_id} (any
 *       case, {@code _}/{@code -} optional, any prefix: {@code keyStorePassword}, {@code
 *       client_secret}), or in {@code pwd}, {@code pass}, {@code auth}, {@code session}, {@code
 *       authorization} or {@code cookie} with at most a prefix ending in {@code . _ -} ({@code
 *       Proxy-Authorization}, not {@code oauth}); then {@code =}, {@code :} or {@code %3D}/{@code
 *       %3A}: properties, query strings, JDBC URLs, JSON ({@code "apiKey": "..."}), HTTP headers. A
 *       user name alone ({@code user=app}) is not masked. The value that is masked:
 *       <ul>
 *         <li>a quoted value ({@code "..."} with {@code \"} escapes, {@code '...'}) up to its
 *             closing quote, and a braced one ({@code {a;b}}, {@code }}} escaping a brace, as SQL
 *             Server and ODBC write it) up to its closing brace; the quotes or braces stay;
 *         <li>an HTTP authorization scheme ({@code Bearer}, {@code Basic}, ...) stays, its
 *             credentials go; a {@code Cookie}/{@code Set-Cookie} value runs to the end of line;
 *         <li>otherwise the value runs to the end of the line or to the first of: in a query
 *             ({@code ?} or {@code &} before the key) {@code & #}, white space or a quote; in a
 *             {@code ;} list ({@code ;} before the key) the next {@code ;}; elsewhere a {@code ;
 *             & ,} or white space that starts the next {@code key=value}. A closing {@code ) ] }}
 *             followed by white space, a separator or the end closes the value too. So {@code
 *             password=hunter 2} is masked whole, and in free text a value loses everything up to
 *             the next {@code key=value} or the end of the line.
 *       </ul>
 * </ol>
 *
 * <p>Masking is idempotent ({@code mask(mask(x))} equals {@code mask(x)}), never throws, and runs
 * in time linear in the length of the text: every pattern either starts only at a word or a
 * {@code ://}, or cannot run past the next place where another match could start.
 * Known limits: a URL password that starts with up to five digits and one of {@code / ? # ; , )}
 * reads as a port; a password with spaces and no scheme ({@code u:pa ss@h}) reads as free text and
 * an e-mail address; multi-line values (a PEM private key) are not recognised.
 *
 * <p>Stateless and thread-safe.
 */
public final class Masking {
  /** What a masked secret is replaced with. */
  public static final String MASK = "***";

  /** Keeps a password from running into the next URL, which also keeps the scan linear. */
  private static final String NOT_A_NEW_URL = "(?!://)";

  /**
   * Rule 1: the scheme (group 1), then {@code user:password@} (the password up to the last
   * {@code @} before white space, else across spaces to the last {@code @} of the line), or a user
   * name alone up to the last {@code @} before {@code / ? # :}. The {@code @} must be followed by a
   * host. A port ({@code host:5432/...}) is not a password.
   */
  private static final Pattern URL_USER_INFO =
      Pattern.compile(
          "(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]*://)"
              + "(?:[^\\s/?#:@\"<>;]*+:(?!\\d{1,5}+(?:[/?#;,)\\s]|$))"
              + "(?:(?:" + NOT_A_NEW_URL + "[^\\s\"<>])*@"
              + "|(?:" + NOT_A_NEW_URL + "[^\\s\"<>])++[ \\t]"
              + "(?:" + NOT_A_NEW_URL + "[^\\r\\n\"<>])*@)"
              + "|[^\\s/?#:\"<>;=]+@)"
              + "(?=[A-Za-z0-9\\[%_-])");

  /** Rule 2: {@code jdbc:oracle:thin:} (group 1), then {@code user/password@}. */
  private static final Pattern ORACLE_USER_PASSWORD =
      Pattern.compile(
          "(jdbc:oracle:[A-Za-z0-9]++:)[^\\s@/\"]++/"
              + "(?:\"[^\"\\r\\n]*+\"|(?:(?!jdbc:)[^\\s\"])*)@",
          Pattern.CASE_INSENSITIVE);

  /**
   * Rule 3: {@code user:password@host} starting a word, not after {@code jdbc:}; the password has
   * no {@code /} or white space and runs to the last {@code @} before the host, which is followed
   * by a port or a path.
   */
  private static final Pattern USER_PASSWORD_HOST =
      Pattern.compile(
          "(?<![^\\s(\\[{<\"'=,;])(?!(?i:jdbc):)[A-Za-z0-9_.+-]++:[^\\s/\"'(\\[{<=,;]*@"
              + "(?=[A-Za-z0-9_.-]++(?::\\d|/))");

  /**
   * Rule 4: the word a secret key ends with (group 1), an optional closing quote, and {@code = :
   * %3D %3A} with spaces around. Whatever comes before the word in the same key ({@code
   * keyStore}Password, {@code client_}secret) is part of the key; {@link #WEAK_WORDS} take at
   * most a {@code . _ -} prefix.
   */
  private static final Pattern SECRET_KEY =
      Pattern.compile(
          "(pass(?:word|wd|phrase)?|pwd|secret|token|(?:api|access|secret|private)[_-]?key"
              + "|credentials?|session(?:[_-]?id)?|auth(?:orization)?|cookie)"
              + "\\\\?[\"']?[ \\t]*+(?:[=:]|%3[DdAa])[ \\t]*+",
          Pattern.CASE_INSENSITIVE);

  /** Key words too common inside other words to be matched with any prefix ({@code oauth}). */
  private static final Set<String> WEAK_WORDS =
      Set.of("pass", "pwd", "auth", "session", "authorization", "cookie");

  /** HTTP authorization schemes, which stay in front of the masked credentials. */
  private static final Pattern AUTH_SCHEME =
      Pattern.compile(
          "(?:bearer|basic|digest|negotiate|ntlm|token|bot|aws4-hmac-sha256)[ \\t]++",
          Pattern.CASE_INSENSITIVE);

  private Masking() {}

  /**
   * {@code text} with credentials (user info in URLs, {@code password=}-like values, secret JSON
   * fields, HTTP credentials) replaced by {@value #MASK}; the class documentation has the rules.
   */
  public static String mask(String text) {
    String masked = text;
    if (masked.contains("://")) {
      masked = URL_USER_INFO.matcher(masked).replaceAll(m -> quote(m.group(1)) + MASK + "@");
    }
    if (masked.indexOf('@') >= 0) {
      masked = ORACLE_USER_PASSWORD.matcher(masked).replaceAll(m -> quote(m.group(1)) + MASK + "@");
      masked = USER_PASSWORD_HOST.matcher(masked).replaceAll(MASK + "@");
    }
    return maskValues(masked);
  }

  /** {@link #mask(String)}, keeping null. */
  public static @Nullable String maskOrNull(@Nullable String text) {
    return text == null ? null : mask(text);
  }

  private static String quote(String literal) {
    return Matcher.quoteReplacement(literal);
  }

  /** Rule 4: masks the value after every secret key, leaving the keys and separators. */
  private static String maskValues(String text) {
    Matcher key = SECRET_KEY.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    int from = 0;
    while (from < text.length() && key.find(from)) {
      int keyStart = keyStart(text, key.start());
      String word = key.group(1).toLowerCase(Locale.ROOT);
      boolean letterBefore = keyStart < key.start() && isKeyLetter(text.charAt(key.start() - 1));
      if (letterBefore && WEAK_WORDS.contains(word)) { // oauth=, bypass=: not a key of its own
        from = key.end();
        continue;
      }
      int start = key.end();
      String keyText = key.group().toLowerCase(Locale.ROOT);
      char before = keyStart == 0 ? '\n' : text.charAt(keyStart - 1);
      Matcher scheme = AUTH_SCHEME.matcher(text).region(start, text.length());
      if (scheme.lookingAt()) {
        start = scheme.end();
      }
      int end = quotedEnd(text, start);
      boolean enclosed = end > start;
      if (!enclosed) {
        end = plainEnd(text, start, contextOf(keyText, before));
      }
      if (end > start) {
        out.append(text, copied, start);
        out.append(enclosed ? text.charAt(start) + MASK + text.charAt(end - 1) : MASK);
        copied = end;
      }
      from = Math.max(end, key.end());
    }
    return copied == 0 ? text : out.append(text, copied, text.length()).toString();
  }

  /** Where the key that ends with the word at {@code wordStart} starts. */
  private static int keyStart(String text, int wordStart) {
    int i = wordStart;
    while (i > 0 && isKeyChar(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /** Where a plain value ends, by what came before its key. */
  private enum Context {
    /** {@code ?key=} or {@code &key=}: ends at {@code & #}, white space or a quote. */
    QUERY,
    /** {@code key%3Dvalue}: a URL-encoded query, ends at {@code %26} too. */
    ENCODED_QUERY,
    /** {@code ;key=}: ends at the next {@code ;}. */
    SEMICOLON_LIST,
    /** {@code Cookie:}: ends at the end of the line. */
    LINE,
    /** Anywhere else: ends where the next {@code key=value} starts. */
    FREE
  }

  private static Context contextOf(String keyText, char before) {
    if (keyText.contains("%3")) {
      return Context.ENCODED_QUERY;
    }
    if (keyText.contains("cookie")) {
      return Context.LINE;
    }
    if (before == '?' || before == '&') {
      return Context.QUERY;
    }
    return before == ';' ? Context.SEMICOLON_LIST : Context.FREE;
  }

  /**
   * The end (after the closing character) of a quoted or braced value starting at {@code start},
   * or {@code start} when there is none on this line.
   */
  private static int quotedEnd(String text, int start) {
    if (start >= text.length()) {
      return start;
    }
    char open = text.charAt(start);
    if (open != '"' && open != '\'' && open != '{') {
      return start;
    }
    char close = open == '{' ? '}' : open;
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        return start;
      } else if (open != '{' && c == '\\') {
        i++; // an escaped character, the closing quote included
      } else if (c == close) {
        if (open == '{' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
          i++; // }} is an escaped brace inside a braced value
        } else {
          return i + 1;
        }
      }
    }
    return start;
  }

  /** The end of a plain (unquoted) value starting at {@code start}. */
  private static int plainEnd(String text, int start, Context context) {
    int i = start;
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        break;
      }
      if (context == Context.LINE) {
        continue;
      }
      if (context == Context.QUERY || context == Context.ENCODED_QUERY) {
        if (c == '&' || c == '#' || c == '"' || c == '\'' || c == '<' || c == '>'
            || Character.isWhitespace(c)) {
          break;
        }
        if (context == Context.ENCODED_QUERY && text.regionMatches(true, i, "%26", 0, 3)) {
          break;
        }
      }
      if (context == Context.SEMICOLON_LIST && c == ';') {
        break;
      }
      if (context == Context.FREE && startsNextPair(text, i)) {
        break;
      }
      if ((c == ')' || c == ']' || c == '}') && closesValue(text, i + 1)) {
        break;
      }
    }
    return i;
  }

  /**
   * Whether the separator at {@code i} ({@code ; & ,} or the first of a run of spaces) is followed
   * by another {@code key=value} ({@code key:value} too after {@code ; & ,}). Only the first space
   * of a run is looked at, so each character is scanned a bounded number of times.
   */
  private static boolean startsNextPair(String text, int i) {
    char c = text.charAt(i);
    boolean listSeparator = c == ';' || c == '&' || c == ',';
    boolean space = c == ' ' || c == '\t';
    if (!listSeparator && !space) {
      return false;
    }
    if (space && i > 0 && isSeparator(text.charAt(i - 1))) {
      return false;
    }
    int j = i + 1;
    while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
      j++;
    }
    if (j < text.length() && (text.charAt(j) == '"' || text.charAt(j) == '\'')) {
      j++;
    }
    int keyStart = j;
    while (j < text.length() && isKeyChar(text.charAt(j))) {
      j++;
    }
    if (j == keyStart) {
      return false;
    }
    if (j < text.length() && (text.charAt(j) == '"' || text.charAt(j) == '\'')) {
      j++;
    }
    while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
      j++;
    }
    return j < text.length() && (text.charAt(j) == '=' || (listSeparator && text.charAt(j) == ':'));
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '\t' || c == ';' || c == '&' || c == ',';
  }

  private static boolean isKeyChar(char c) {
    return isKeyLetter(c) || c == '_' || c == '.' || c == '-';
  }

  private static boolean isKeyLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** Whether a closing bracket before {@code i} ends the value: the end, a space or a separator. */
  private static boolean closesValue(String text, int i) {
    if (i >= text.length()) {
      return true;
    }
    char c = text.charAt(i);
    return Character.isWhitespace(c) || c == ',' || c == ';' || c == '&' || c == ')' || c == ']'
        || c == '}' || c == '"' || c == '\'';
  }
}
