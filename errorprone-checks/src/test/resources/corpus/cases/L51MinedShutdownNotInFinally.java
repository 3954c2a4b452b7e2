// leaky: the pool is shut down only if every task succeeded (Future.get throws otherwise)
// mined: apache/commons-compress 8faba6994 (ParallelScatterZipCreator.writeTo, whose pool is a field), rewritten as a minimal case
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
class L51MinedShutdownNotInFinally {
  void runAll(List<Callable<Void>> tasks) throws InterruptedException, ExecutionException {
    ExecutorService pool = Executors.newFixedThreadPool(4); // LEAK
    List<Future<Void>> futures = new ArrayList<>();
    for (Callable<Void> task : tasks) {
      futures.add(pool.submit(task));
    }
    for (Future<Void> f : futures) {
      f.get();
    }
    pool.shutdown();
  }
}
