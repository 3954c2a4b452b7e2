// leaky: a Session leaked when commit fails
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

class L21SessionOnCommitFailure {
  interface Sessions { Session open() throws SQLException; }
  void save(Sessions sessions) throws SQLException {
    Session session = sessions.open(); // LEAK
    session.commit();
    session.close();
  }
}
