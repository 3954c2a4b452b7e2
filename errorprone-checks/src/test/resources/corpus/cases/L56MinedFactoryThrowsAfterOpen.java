// leaky: the stream is handed to a factory whose constructor reads a header and can throw; nobody closes it then
// mined: apache/commons-csv f1bf8cd2 (CSVParser.parse(Path, ..)), rewritten as a minimal case
import dev.lifecycle.core.*;
import dev.lifecycle.jdbc.Session;
import java.io.*;
import java.net.*;
import java.nio.channels.*;
import java.nio.file.*;
import java.sql.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.jar.JarFile;
import java.util.stream.*;
import java.util.zip.*;
import javax.sql.DataSource;
class L56MinedFactoryThrowsAfterOpen {
  static final class Table implements Closeable {
    private final BufferedReader reader;
    private final String header;

    Table(Reader in) throws IOException {
      reader = new BufferedReader(in);
      header = reader.readLine();
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }

  static Table parse(InputStream in) throws IOException {
    return new Table(new InputStreamReader(in, "UTF-8"));
  }

  static Table parse(Path path) throws IOException {
    return parse(Files.newInputStream(path)); // LEAK
  }
}
