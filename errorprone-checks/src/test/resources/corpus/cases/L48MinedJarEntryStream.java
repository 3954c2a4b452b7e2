// leaky: an entry's stream from JarFile.getInputStream is never closed (a get* method returns a fresh stream)
// mined: apache/commons-compress 59cab3e7b (PackingUtils.copyThroughJar), rewritten as a minimal case
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
import java.util.jar.JarEntry;

class L48MinedJarEntryStream {
  long copy(JarFile jar, OutputStream out) throws IOException {
    long n = 0;
    byte[] buf = new byte[4096];
    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
      InputStream in = jar.getInputStream(e.nextElement()); // LEAK
      for (int r; (r = in.read(buf)) != -1; n += r) {
        out.write(buf, 0, r);
      }
    }
    return n;
  }
}
