// correct: a Session committed inside try-with-resources
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

class C22SessionTwr {
  interface Sessions { Session open() throws SQLException; }
  void save(Sessions sessions) throws SQLException {
    try (Session session = sessions.open()) {
      session.commit();
    }
  }
}
