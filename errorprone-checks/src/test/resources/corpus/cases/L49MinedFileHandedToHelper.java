// leaky: a file stream handed to a method that reads it, and never closed
// mined: apache/commons-compress bd4f5dfdd (Pack200UnpackerAdapter.unpack(File, ..)), rewritten as a minimal case
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
class L49MinedFileHandedToHelper {
  void unpack(File file, OutputStream out) throws IOException {
    InputStream in = new BufferedInputStream(new FileInputStream(file), 8192); // LEAK
    unpack(in, out);
  }

  void unpack(InputStream in, OutputStream out) throws IOException {
    in.transferTo(out);
  }
}
