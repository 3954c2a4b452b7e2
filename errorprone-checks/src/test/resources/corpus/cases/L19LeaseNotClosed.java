// leaky: a Lease acquired and dropped
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

class L19LeaseNotClosed {
  interface Registry { Lease<InputStream> acquire(String key); }
  int lookup(Registry registry) throws IOException {
    Lease<InputStream> lease = registry.acquire("tenant-1"); // LEAK
    return lease.value().available();
  }
}
