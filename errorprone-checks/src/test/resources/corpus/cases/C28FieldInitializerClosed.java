// correct: a field initialised with a channel the class closes
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

class C28FieldInitializerClosed {
  static final class Store implements AutoCloseable {
    private final FileChannel channel = FileChannel.open(Path.of("store.bin"));
    Store() throws IOException {}
    @Override public void close() throws IOException {
      channel.close();
    }
  }
}
