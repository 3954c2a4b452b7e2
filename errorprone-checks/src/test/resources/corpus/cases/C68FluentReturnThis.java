// correct: a fluent method returning this, discarded, on this and on a receiver
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

class C68FluentReturnThis {
  static final class Out extends Writer {
    Out add(String s) throws IOException { write(s); return this; }
    @Override public void write(char[] c, int o, int l) {}
    @Override public void flush() {}
    @Override public void close() {}
    void header() throws IOException { add("a"); this.add("b"); }
  }
}
