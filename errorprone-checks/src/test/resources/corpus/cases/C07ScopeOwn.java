// correct: handed to Scope.own
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

class C07ScopeOwn {
  int first(Scope request, File f) throws IOException {
    InputStream in = request.own(new FileInputStream(f));
    return in.read();
  }
}
