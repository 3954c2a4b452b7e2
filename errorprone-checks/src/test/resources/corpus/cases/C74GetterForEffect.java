// correct: a getter called for its effect returns a view somebody else closes
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

class C74GetterForEffect {
  void probe(Socket s) throws IOException {
    s.getInputStream();
  }
}
