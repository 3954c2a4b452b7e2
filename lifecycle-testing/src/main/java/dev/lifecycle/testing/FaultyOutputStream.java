package dev.lifecycle.testing;

import dev.lifecycle.core.Owning;
import java.io.IOException;
import java.io.OutputStream;

/** An output stream behind a {@link Faults} plan; faults are thrown as {@link IOException}s. */
final class FaultyOutputStream extends OutputStream {
  private final FaultCounter counter;
  @Owning private final OutputStream out; // closed by close()

  FaultyOutputStream(FaultCounter counter, @Owning OutputStream out) {
    this.counter = counter;
    this.out = out;
  }

  @Override
  public void write(int b) throws IOException {
    counter.callIo("write(int)");
    out.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    counter.callIo("write(byte[], int, int)");
    out.write(b, off, len);
  }

  @Override
  public void flush() throws IOException {
    counter.callIo("flush()");
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (!counter.startClose()) {
      return;
    }
    counter.delayClose();
    out.close();
    if (counter.faults.failOnClose) {
      throw new IOException(counter.closeFailure());
    }
  }
}
