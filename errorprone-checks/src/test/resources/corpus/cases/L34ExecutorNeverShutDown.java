// leaky: an executor created per call, never shut down
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

class L34ExecutorNeverShutDown {
  Future<?> run(Runnable task) {
    ExecutorService pool = Executors.newFixedThreadPool(2); // LEAK
    return pool.submit(task);
  }
}
