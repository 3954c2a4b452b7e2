// leaky: a PrintWriter over a FileWriter never closed
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

class L28PrintWriterFile {
  void log(File f, String message) throws IOException {
    PrintWriter out = new PrintWriter(new FileWriter(f, true)); // LEAK
    out.println(message);
  }
}
