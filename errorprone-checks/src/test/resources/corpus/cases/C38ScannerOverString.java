// correct: a Scanner over a String holds nothing
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

class C38ScannerOverString {
  int sum(String numbers) {
    Scanner sc = new Scanner(numbers);
    int total = 0;
    while (sc.hasNextInt()) {
      total += sc.nextInt();
    }
    return total;
  }
}
