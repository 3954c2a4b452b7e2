package dev.lifecycle.testing;

import dev.lifecycle.core.Owning;
import java.io.IOException;
import java.io.InputStream;

/** An input stream behind a {@link Faults} plan; faults are thrown as {@link IOException}s. */
final class FaultyInputStream extends InputStream {
  private final FaultCounter counter;
  @Owning private final InputStream in; // closed by close()

  FaultyInputStream(FaultCounter counter, @Owning InputStream in) {
    this.counter = counter;
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    counter.callIo("read()");
    return in.read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    counter.callIo("read(byte[], int, int)");
    return in.read(b, off, len);
  }

  @Override
  public long skip(long n) throws IOException {
    counter.callIo("skip(long)");
    return in.skip(n);
  }

  @Override
  public int available() throws IOException {
    counter.callIo("available()");
    return in.available();
  }

  @Override
  public synchronized void mark(int readlimit) {
    in.mark(readlimit);
  }

  @Override
  public synchronized void reset() throws IOException {
    counter.callIo("reset()");
    in.reset();
  }

  @Override
  public boolean markSupported() {
    return in.markSupported();
  }

  @Override
  public void close() throws IOException {
    if (!counter.startClose()) {
      return;
    }
    counter.delayClose();
    in.close();
    if (counter.faults.failOnClose) {
      throw new IOException(counter.closeFailure());
    }
  }
}
