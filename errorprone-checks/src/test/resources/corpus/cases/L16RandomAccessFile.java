// leaky: a RandomAccessFile never closed
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

class L16RandomAccessFile {
  long length(File f) throws IOException {
    RandomAccessFile raf = new RandomAccessFile(f, "r"); // LEAK
    return raf.length();
  }
}
