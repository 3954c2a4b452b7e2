// correct: the file is closed when probing its first bytes throws; returned (wrapped) otherwise
// mined: jhy/jsoup 453af8c1 (DataUtil.openStream, after the fix), rewritten as a minimal case
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
class C55MinedProbeBeforeWrap {
  InputStream open(Path path) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(path));
    try {
      in.mark(2);
      boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
      in.reset();
      return gzip ? new GZIPInputStream(in) : in;
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }
}
