// leaky: Files.lines iterated in a local, never closed
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

class L42FilesLinesIterated {
  int longest(Path p) throws IOException {
    Stream<String> lines = Files.lines(p); // LEAK
    Iterator<String> it = lines.iterator();
    int max = 0;
    while (it.hasNext()) {
      max = Math.max(max, it.next().length());
    }
    return max;
  }
}
