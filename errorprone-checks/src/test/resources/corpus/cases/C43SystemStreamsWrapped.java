// correct: wrappers around System.in/System.out are not closed
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

class C43SystemStreamsWrapped {
  String ask() throws IOException {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out));
    out.println("name?");
    out.flush();
    return new BufferedReader(new InputStreamReader(System.in)).readLine();
  }
}
