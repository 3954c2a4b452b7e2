// leaky: a Scope opened and never closed
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

class L18ScopeNeverClosed {
  void handle(InputStream body) {
    Scope request = Scope.open("request"); // LEAK
    request.own(body);
  }
}
