// leaky: Files.walk in a local, never closed
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

class L06FilesWalk {
  long depth(Path dir) throws IOException {
    Stream<Path> all = Files.walk(dir); // LEAK
    return all.filter(Files::isRegularFile).count();
  }
}
