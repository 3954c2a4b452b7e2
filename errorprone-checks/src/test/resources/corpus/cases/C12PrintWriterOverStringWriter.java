// correct: a PrintWriter over a StringWriter is never closed
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

class C12PrintWriterOverStringWriter {
  String render(Throwable t) {
    StringWriter buffer = new StringWriter();
    PrintWriter out = new PrintWriter(buffer);
    t.printStackTrace(out);
    return buffer.toString();
  }
}
