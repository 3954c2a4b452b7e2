// correct: a factory returns a wrapper around what it opens
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

class C05ReturnedWrapper {
  BufferedReader reader(File f) throws IOException {
    return new BufferedReader(new FileReader(f));
  }
}
