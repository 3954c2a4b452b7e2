package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class TextsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "jdbc:postgresql://admin:s3cret@db:5432/orders | jdbc:postgresql://***@db:5432/orders",
        "https://user@example.org/x | https://***@example.org/x",
        "redis://:pa55@cache:6379 | redis://***@cache:6379",
        "jdbc:mysql://db/x?user=app&password=hunter2&ssl=true | jdbc:mysql://db/x?user=app&password=***&ssl=true",
        "jdbc:sqlserver://db;user=sa;Password=Hunter2;encrypt=true | jdbc:sqlserver://db;user=sa;Password=***;encrypt=true",
        "token: abc.def api_key=XYZ | token: *** api_key=***",
        "pwd='a b c' | pwd='***'",
        "file:/tmp/data.txt | file:/tmp/data.txt",
        "mailto:someone@example.org | mailto:someone@example.org",
      })
  void mask_hidesCredentials(String text, String masked) {
    assertThat(Texts.mask(text)).isEqualTo(masked);
  }

  @ParameterizedTest
  @CsvSource({"0, 0 ms", "350, 350 ms", "1500, 1.5 s", "41000, 41 s", "180000, 3 min",
      "7200000, 2 h", "345600000, 4 d"})
  void age_isShortAndReadable(long millis, String text) {
    assertThat(Texts.age(Duration.ofMillis(millis))).isEqualTo(text);
  }
}
