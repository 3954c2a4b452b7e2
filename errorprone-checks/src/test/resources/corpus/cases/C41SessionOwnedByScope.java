// correct: a Session owned by the request scope
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

class C41SessionOwnedByScope {
  interface Sessions { Session open() throws SQLException; }
  void save(Scope request, Sessions sessions) throws SQLException {
    Session db = request.own(sessions.open());
    db.commit();
  }
}
