// leaky: transferTo borrows its target, which nobody closes
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

class L70TransferToFreshStream {
  void copy(InputStream in, Path p) throws IOException {
    in.transferTo(Files.newOutputStream(p)); // LEAK
  }
}
