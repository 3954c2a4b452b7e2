// leaky: close inside try; the catch swallows and skips it
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

class L25SwallowedException {
  void quiet(File f) {
    try {
      FileWriter w = new FileWriter(f); // LEAK
      w.write("x");
      w.close();
    } catch (IOException e) {
      // ignored
    }
  }
}
