// correct: a BufferedReader over a StringReader is never closed
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

class C13ReaderOverString {
  String firstLine(String text) throws IOException {
    BufferedReader r = new BufferedReader(new StringReader(text));
    return r.readLine();
  }
}
