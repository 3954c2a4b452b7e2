// leaky: added to a local list that is then dropped (add counts as a hand-over)
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

class L47LocalListDropped {
  int open(List<File> files) throws IOException {
    List<InputStream> streams = new ArrayList<>();
    for (File f : files) {
      streams.add(new FileInputStream(f)); // LEAK
    }
    return streams.size();
  }
}
