// correct: a request scope in try-with-resources owns its streams
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

class C19ScopeTwr {
  int handle(File f) throws IOException {
    try (Scope request = Scope.open("request")) {
      InputStream in = request.own(new FileInputStream(f));
      return in.read();
    }
  }
}
