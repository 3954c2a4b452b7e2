// leaky: a class owns a channel but is not AutoCloseable
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

class L32FieldInNonCloseable {
  private final FileChannel channel; // LEAK
  L32FieldInNonCloseable(Path p) throws IOException {
    this.channel = FileChannel.open(p);
  }
  long size() throws IOException {
    return channel.size();
  }
}
