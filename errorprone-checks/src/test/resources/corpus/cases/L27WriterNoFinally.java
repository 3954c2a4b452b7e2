// leaky: a writer closed after writes, without finally
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

class L27WriterNoFinally {
  void save(File f, List<String> lines) throws IOException {
    Writer w = new FileWriter(f); // LEAK
    for (String line : lines) {
      w.write(line);
    }
    w.close();
  }
}
