// correct: moved to a longer-lived scope
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

class C37TransferredToScope {
  void promote(Scope request, Scope session, File f) throws IOException {
    InputStream in = request.own(new FileInputStream(f));
    request.transfer(in, session);
  }
}
