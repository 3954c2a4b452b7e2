import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class Export {
  void write(Path target, List<String> rows) throws IOException {
    BufferedWriter out = Files.newBufferedWriter(target); // error: [UnclosedResource] is not closed when `write` throws IOException on line 11
    for (String row : rows) {
      out.write(row);
    }
    out.close();
  }

  void fixed(Path target, List<String> rows) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(target)) {
      for (String row : rows) {
        out.write(row);
      }
    }
  }
}
