// leaky: a JDBC setter borrows the stream it is given
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

class L71SetBinaryStream {
  void bind(PreparedStatement ps, Path p) throws Exception {
    ps.setBinaryStream(1, Files.newInputStream(p)); // LEAK
    ps.executeUpdate();
  }
}
