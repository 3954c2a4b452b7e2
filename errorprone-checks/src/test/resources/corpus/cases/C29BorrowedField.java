// correct: a class keeps a stream it was given; the giver closes it
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

class C29BorrowedField {
  static final class Parser {
    private final InputStream in;
    Parser(InputStream in) { this.in = in; }
    int next() throws IOException { return in.read(); }
  }
}
