// leaky: FileChannel.open never closed
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

class L17FileChannelOpen {
  long size(Path p) throws IOException {
    FileChannel ch = FileChannel.open(p); // LEAK
    return ch.size();
  }
}
