// correct: a collection stream holds nothing
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

class C15CollectionStream {
  long count(List<String> names) {
    Stream<String> s = names.stream();
    return s.filter(n -> n.startsWith("a")).count();
  }
}
