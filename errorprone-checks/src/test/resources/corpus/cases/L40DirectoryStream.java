// leaky: Files.newDirectoryStream never closed
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

class L40DirectoryStream {
  int count(Path dir) throws IOException {
    DirectoryStream<Path> entries = Files.newDirectoryStream(dir); // LEAK
    int n = 0;
    for (Path ignored : entries) {
      n++;
    }
    return n;
  }
}
