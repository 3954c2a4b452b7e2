// correct: an executor shut down in finally
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

class C31ExecutorShutdown {
  void runAll(List<Runnable> tasks) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      tasks.forEach(pool::submit);
    } finally {
      pool.shutdown();
    }
    pool.awaitTermination(1, TimeUnit.SECONDS);
  }
}
