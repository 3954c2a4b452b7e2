// correct: a stream over a channel: closing the stream closes the channel
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

class C34ChannelWrappedStream {
  int first(Path p) throws IOException {
    FileChannel ch = FileChannel.open(p);
    try (InputStream in = Channels.newInputStream(ch)) {
      return in.read();
    }
  }
}
