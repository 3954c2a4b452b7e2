// correct: a Lease in try-with-resources
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

class C20LeaseTwr {
  interface Registry { Lease<InputStream> acquire(String key); }
  int lookup(Registry registry) throws IOException {
    try (Lease<InputStream> lease = registry.acquire("tenant-1")) {
      return lease.value().available();
    }
  }
}
