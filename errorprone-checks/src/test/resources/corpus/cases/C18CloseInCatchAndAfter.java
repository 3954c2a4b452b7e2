// correct: closed in a catch that rethrows, and after the try
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

class C18CloseInCatchAndAfter {
  int first(File f) throws IOException {
    InputStream in = new FileInputStream(f);
    int b;
    try {
      b = in.read();
    } catch (IOException e) {
      in.close();
      throw e;
    }
    in.close();
    return b;
  }
}
