package dev.lifecycle.jdbc;

import dev.lifecycle.core.Owning;
import dev.lifecycle.core.internal.UserCode;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Wrapper;
import java.util.Calendar;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The wrapper of a result set: a hand-written delegate, a child of its statement (or, for a
 * metadata result set, of its connection).
 */
final class JdbcResultSet extends JdbcChild implements ResultSet {
  private final @Nullable JdbcStatement statement;
  private final ResultSet raw;

  JdbcResultSet(
      JdbcConnection connection,
      @Nullable JdbcStatement statement,
      @Owning ResultSet raw,
      @Nullable String sql) {
    super(connection, sql);
    this.statement = statement;
    this.raw = raw;
  }

  @Override
  String kind() {
    return "jdbc.ResultSet";
  }

  @Override
  AutoCloseable raw() {
    return raw;
  }

  @Override
  Wrapper wrapped() {
    return raw;
  }

  @Override
  void closed() {
    if (statement == null) {
      connection.forget(this);
    }
  }

  boolean enter() throws SQLException {
    return connection.enter();
  }

  void exit(boolean entered) {
    connection.exit(entered);
  }

  /** Closes the result set; with {@code closeOnCompletion}, its statement too. Idempotent. */
  @Override
  public void close() throws SQLException {
    if (!markClosed("closed")) {
      return;
    }
    try {
      closed();
      Closure.rethrow(UserCode.close(raw));
    } finally {
      if (statement != null) {
        statement.resultClosed(this);
      }
    }
  }

  @Override
  public boolean isClosed() throws SQLException {
    return isClosedWrapper() || raw.isClosed();
  }

  /** The statement wrapper that produced it; {@code null} for a metadata result set. */
  @Override
  public @Nullable Statement getStatement() throws SQLException {
    check();
    return statement;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return unwrapTo(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return wraps(iface);
  }

  // ---- delegation, one method per JDBC method -------------------------------------------------

  @Override
  public boolean next() throws SQLException {
    check();
    boolean entered = enter();
    try {
      return raw.next();
    } finally {
      exit(entered);
    }
  }

  @Override
  public boolean wasNull() throws SQLException {
    check();
    return raw.wasNull();
  }

  @Override
  public String getString(int columnIndex) throws SQLException {
    check();
    return raw.getString(columnIndex);
  }

  @Override
  public boolean getBoolean(int columnIndex) throws SQLException {
    check();
    return raw.getBoolean(columnIndex);
  }

  @Override
  public byte getByte(int columnIndex) throws SQLException {
    check();
    return raw.getByte(columnIndex);
  }

  @Override
  public short getShort(int columnIndex) throws SQLException {
    check();
    return raw.getShort(columnIndex);
  }

  @Override
  public int getInt(int columnIndex) throws SQLException {
    check();
    return raw.getInt(columnIndex);
  }

  @Override
  public long getLong(int columnIndex) throws SQLException {
    check();
    return raw.getLong(columnIndex);
  }

  @Override
  public float getFloat(int columnIndex) throws SQLException {
    check();
    return raw.getFloat(columnIndex);
  }

  @Override
  public double getDouble(int columnIndex) throws SQLException {
    check();
    return raw.getDouble(columnIndex);
  }

  @Deprecated
  @SuppressWarnings("deprecation") // delegates a deprecated JDBC method, as the interface requires
  @Override
  public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
    check();
    return raw.getBigDecimal(columnIndex, scale);
  }

  @Override
  public byte[] getBytes(int columnIndex) throws SQLException {
    check();
    return raw.getBytes(columnIndex);
  }

  @Override
  public java.sql.Date getDate(int columnIndex) throws SQLException {
    check();
    return raw.getDate(columnIndex);
  }

  @Override
  public java.sql.Time getTime(int columnIndex) throws SQLException {
    check();
    return raw.getTime(columnIndex);
  }

  @Override
  public java.sql.Timestamp getTimestamp(int columnIndex) throws SQLException {
    check();
    return raw.getTimestamp(columnIndex);
  }

  @Override
  public java.io.InputStream getAsciiStream(int columnIndex) throws SQLException {
    check();
    return raw.getAsciiStream(columnIndex);
  }

  @Deprecated
  @SuppressWarnings("deprecation") // delegates a deprecated JDBC method, as the interface requires
  @Override
  public java.io.InputStream getUnicodeStream(int columnIndex) throws SQLException {
    check();
    return raw.getUnicodeStream(columnIndex);
  }

  @Override
  public java.io.InputStream getBinaryStream(int columnIndex) throws SQLException {
    check();
    return raw.getBinaryStream(columnIndex);
  }

  @Override
  public String getString(String columnLabel) throws SQLException {
    check();
    return raw.getString(columnLabel);
  }

  @Override
  public boolean getBoolean(String columnLabel) throws SQLException {
    check();
    return raw.getBoolean(columnLabel);
  }

  @Override
  public byte getByte(String columnLabel) throws SQLException {
    check();
    return raw.getByte(columnLabel);
  }

  @Override
  public short getShort(String columnLabel) throws SQLException {
    check();
    return raw.getShort(columnLabel);
  }

  @Override
  public int getInt(String columnLabel) throws SQLException {
    check();
    return raw.getInt(columnLabel);
  }

  @Override
  public long getLong(String columnLabel) throws SQLException {
    check();
    return raw.getLong(columnLabel);
  }

  @Override
  public float getFloat(String columnLabel) throws SQLException {
    check();
    return raw.getFloat(columnLabel);
  }

  @Override
  public double getDouble(String columnLabel) throws SQLException {
    check();
    return raw.getDouble(columnLabel);
  }

  @Deprecated
  @SuppressWarnings("deprecation") // delegates a deprecated JDBC method, as the interface requires
  @Override
  public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException {
    check();
    return raw.getBigDecimal(columnLabel, scale);
  }

  @Override
  public byte[] getBytes(String columnLabel) throws SQLException {
    check();
    return raw.getBytes(columnLabel);
  }

  @Override
  public java.sql.Date getDate(String columnLabel) throws SQLException {
    check();
    return raw.getDate(columnLabel);
  }

  @Override
  public java.sql.Time getTime(String columnLabel) throws SQLException {
    check();
    return raw.getTime(columnLabel);
  }

  @Override
  public java.sql.Timestamp getTimestamp(String columnLabel) throws SQLException {
    check();
    return raw.getTimestamp(columnLabel);
  }

  @Override
  public java.io.InputStream getAsciiStream(String columnLabel) throws SQLException {
    check();
    return raw.getAsciiStream(columnLabel);
  }

  @Deprecated
  @SuppressWarnings("deprecation") // delegates a deprecated JDBC method, as the interface requires
  @Override
  public java.io.InputStream getUnicodeStream(String columnLabel) throws SQLException {
    check();
    return raw.getUnicodeStream(columnLabel);
  }

  @Override
  public java.io.InputStream getBinaryStream(String columnLabel) throws SQLException {
    check();
    return raw.getBinaryStream(columnLabel);
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    check();
    return raw.getWarnings();
  }

  @Override
  public void clearWarnings() throws SQLException {
    check();
    raw.clearWarnings();
  }

  @Override
  public String getCursorName() throws SQLException {
    check();
    return raw.getCursorName();
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    check();
    return raw.getMetaData();
  }

  @Override
  public Object getObject(int columnIndex) throws SQLException {
    check();
    return raw.getObject(columnIndex);
  }

  @Override
  public Object getObject(String columnLabel) throws SQLException {
    check();
    return raw.getObject(columnLabel);
  }

  @Override
  public int findColumn(String columnLabel) throws SQLException {
    check();
    return raw.findColumn(columnLabel);
  }

  @Override
  public java.io.Reader getCharacterStream(int columnIndex) throws SQLException {
    check();
    return raw.getCharacterStream(columnIndex);
  }

  @Override
  public java.io.Reader getCharacterStream(String columnLabel) throws SQLException {
    check();
    return raw.getCharacterStream(columnLabel);
  }

  @Override
  public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
    check();
    return raw.getBigDecimal(columnIndex);
  }

  @Override
  public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
    check();
    return raw.getBigDecimal(columnLabel);
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    check();
    return raw.isBeforeFirst();
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    check();
    return raw.isAfterLast();
  }

  @Override
  public boolean isFirst() throws SQLException {
    check();
    return raw.isFirst();
  }

  @Override
  public boolean isLast() throws SQLException {
    check();
    return raw.isLast();
  }

  @Override
  public void beforeFirst() throws SQLException {
    check();
    raw.beforeFirst();
  }

  @Override
  public void afterLast() throws SQLException {
    check();
    raw.afterLast();
  }

  @Override
  public boolean first() throws SQLException {
    check();
    return raw.first();
  }

  @Override
  public boolean last() throws SQLException {
    check();
    return raw.last();
  }

  @Override
  public int getRow() throws SQLException {
    check();
    return raw.getRow();
  }

  @Override
  public boolean absolute(int row) throws SQLException {
    check();
    return raw.absolute(row);
  }

  @Override
  public boolean relative(int rows) throws SQLException {
    check();
    return raw.relative(rows);
  }

  @Override
  public boolean previous() throws SQLException {
    check();
    return raw.previous();
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    check();
    raw.setFetchDirection(direction);
  }

  @Override
  public int getFetchDirection() throws SQLException {
    check();
    return raw.getFetchDirection();
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    check();
    raw.setFetchSize(rows);
  }

  @Override
  public int getFetchSize() throws SQLException {
    check();
    return raw.getFetchSize();
  }

  @Override
  public int getType() throws SQLException {
    check();
    return raw.getType();
  }

  @Override
  public int getConcurrency() throws SQLException {
    check();
    return raw.getConcurrency();
  }

  @Override
  public boolean rowUpdated() throws SQLException {
    check();
    return raw.rowUpdated();
  }

  @Override
  public boolean rowInserted() throws SQLException {
    check();
    return raw.rowInserted();
  }

  @Override
  public boolean rowDeleted() throws SQLException {
    check();
    return raw.rowDeleted();
  }

  @Override
  public void updateNull(int columnIndex) throws SQLException {
    check();
    raw.updateNull(columnIndex);
  }

  @Override
  public void updateBoolean(int columnIndex, boolean x) throws SQLException {
    check();
    raw.updateBoolean(columnIndex, x);
  }

  @Override
  public void updateByte(int columnIndex, byte x) throws SQLException {
    check();
    raw.updateByte(columnIndex, x);
  }

  @Override
  public void updateShort(int columnIndex, short x) throws SQLException {
    check();
    raw.updateShort(columnIndex, x);
  }

  @Override
  public void updateInt(int columnIndex, int x) throws SQLException {
    check();
    raw.updateInt(columnIndex, x);
  }

  @Override
  public void updateLong(int columnIndex, long x) throws SQLException {
    check();
    raw.updateLong(columnIndex, x);
  }

  @Override
  public void updateFloat(int columnIndex, float x) throws SQLException {
    check();
    raw.updateFloat(columnIndex, x);
  }

  @Override
  public void updateDouble(int columnIndex, double x) throws SQLException {
    check();
    raw.updateDouble(columnIndex, x);
  }

  @Override
  public void updateBigDecimal(int columnIndex, BigDecimal x) throws SQLException {
    check();
    raw.updateBigDecimal(columnIndex, x);
  }

  @Override
  public void updateString(int columnIndex, String x) throws SQLException {
    check();
    raw.updateString(columnIndex, x);
  }

  @Override
  public void updateBytes(int columnIndex, byte[] x) throws SQLException {
    check();
    raw.updateBytes(columnIndex, x);
  }

  @Override
  public void updateDate(int columnIndex, java.sql.Date x) throws SQLException {
    check();
    raw.updateDate(columnIndex, x);
  }

  @Override
  public void updateTime(int columnIndex, java.sql.Time x) throws SQLException {
    check();
    raw.updateTime(columnIndex, x);
  }

  @Override
  public void updateTimestamp(int columnIndex, java.sql.Timestamp x) throws SQLException {
    check();
    raw.updateTimestamp(columnIndex, x);
  }

  @Override
  public void updateAsciiStream(int columnIndex, java.io.InputStream x, int length) throws SQLException {
    check();
    raw.updateAsciiStream(columnIndex, x, length);
  }

  @Override
  public void updateBinaryStream(int columnIndex, java.io.InputStream x, int length) throws SQLException {
    check();
    raw.updateBinaryStream(columnIndex, x, length);
  }

  @Override
  public void updateCharacterStream(int columnIndex, java.io.Reader x, int length) throws SQLException {
    check();
    raw.updateCharacterStream(columnIndex, x, length);
  }

  @Override
  public void updateObject(int columnIndex, Object x, int scaleOrLength) throws SQLException {
    check();
    raw.updateObject(columnIndex, x, scaleOrLength);
  }

  @Override
  public void updateObject(int columnIndex, Object x) throws SQLException {
    check();
    raw.updateObject(columnIndex, x);
  }

  @Override
  public void updateNull(String columnLabel) throws SQLException {
    check();
    raw.updateNull(columnLabel);
  }

  @Override
  public void updateBoolean(String columnLabel, boolean x) throws SQLException {
    check();
    raw.updateBoolean(columnLabel, x);
  }

  @Override
  public void updateByte(String columnLabel, byte x) throws SQLException {
    check();
    raw.updateByte(columnLabel, x);
  }

  @Override
  public void updateShort(String columnLabel, short x) throws SQLException {
    check();
    raw.updateShort(columnLabel, x);
  }

  @Override
  public void updateInt(String columnLabel, int x) throws SQLException {
    check();
    raw.updateInt(columnLabel, x);
  }

  @Override
  public void updateLong(String columnLabel, long x) throws SQLException {
    check();
    raw.updateLong(columnLabel, x);
  }

  @Override
  public void updateFloat(String columnLabel, float x) throws SQLException {
    check();
    raw.updateFloat(columnLabel, x);
  }

  @Override
  public void updateDouble(String columnLabel, double x) throws SQLException {
    check();
    raw.updateDouble(columnLabel, x);
  }

  @Override
  public void updateBigDecimal(String columnLabel, BigDecimal x) throws SQLException {
    check();
    raw.updateBigDecimal(columnLabel, x);
  }

  @Override
  public void updateString(String columnLabel, String x) throws SQLException {
    check();
    raw.updateString(columnLabel, x);
  }

  @Override
  public void updateBytes(String columnLabel, byte[] x) throws SQLException {
    check();
    raw.updateBytes(columnLabel, x);
  }

  @Override
  public void updateDate(String columnLabel, java.sql.Date x) throws SQLException {
    check();
    raw.updateDate(columnLabel, x);
  }

  @Override
  public void updateTime(String columnLabel, java.sql.Time x) throws SQLException {
    check();
    raw.updateTime(columnLabel, x);
  }

  @Override
  public void updateTimestamp(String columnLabel, java.sql.Timestamp x) throws SQLException {
    check();
    raw.updateTimestamp(columnLabel, x);
  }

  @Override
  public void updateAsciiStream(String columnLabel, java.io.InputStream x, int length) throws SQLException {
    check();
    raw.updateAsciiStream(columnLabel, x, length);
  }

  @Override
  public void updateBinaryStream(String columnLabel, java.io.InputStream x, int length) throws SQLException {
    check();
    raw.updateBinaryStream(columnLabel, x, length);
  }

  @Override
  public void updateCharacterStream(String columnLabel, java.io.Reader reader, int length) throws SQLException {
    check();
    raw.updateCharacterStream(columnLabel, reader, length);
  }

  @Override
  public void updateObject(String columnLabel, Object x, int scaleOrLength) throws SQLException {
    check();
    raw.updateObject(columnLabel, x, scaleOrLength);
  }

  @Override
  public void updateObject(String columnLabel, Object x) throws SQLException {
    check();
    raw.updateObject(columnLabel, x);
  }

  @Override
  public void insertRow() throws SQLException {
    check();
    raw.insertRow();
  }

  @Override
  public void updateRow() throws SQLException {
    check();
    raw.updateRow();
  }

  @Override
  public void deleteRow() throws SQLException {
    check();
    raw.deleteRow();
  }

  @Override
  public void refreshRow() throws SQLException {
    check();
    raw.refreshRow();
  }

  @Override
  public void cancelRowUpdates() throws SQLException {
    check();
    raw.cancelRowUpdates();
  }

  @Override
  public void moveToInsertRow() throws SQLException {
    check();
    raw.moveToInsertRow();
  }

  @Override
  public void moveToCurrentRow() throws SQLException {
    check();
    raw.moveToCurrentRow();
  }

  @Override
  public Object getObject(int columnIndex, java.util.Map<String, Class<?>> map) throws SQLException {
    check();
    return raw.getObject(columnIndex, map);
  }

  @Override
  public Ref getRef(int columnIndex) throws SQLException {
    check();
    return raw.getRef(columnIndex);
  }

  @Override
  public Blob getBlob(int columnIndex) throws SQLException {
    check();
    return raw.getBlob(columnIndex);
  }

  @Override
  public Clob getClob(int columnIndex) throws SQLException {
    check();
    return raw.getClob(columnIndex);
  }

  @Override
  public Array getArray(int columnIndex) throws SQLException {
    check();
    return raw.getArray(columnIndex);
  }

  @Override
  public Object getObject(String columnLabel, java.util.Map<String, Class<?>> map) throws SQLException {
    check();
    return raw.getObject(columnLabel, map);
  }

  @Override
  public Ref getRef(String columnLabel) throws SQLException {
    check();
    return raw.getRef(columnLabel);
  }

  @Override
  public Blob getBlob(String columnLabel) throws SQLException {
    check();
    return raw.getBlob(columnLabel);
  }

  @Override
  public Clob getClob(String columnLabel) throws SQLException {
    check();
    return raw.getClob(columnLabel);
  }

  @Override
  public Array getArray(String columnLabel) throws SQLException {
    check();
    return raw.getArray(columnLabel);
  }

  @Override
  public java.sql.Date getDate(int columnIndex, Calendar cal) throws SQLException {
    check();
    return raw.getDate(columnIndex, cal);
  }

  @Override
  public java.sql.Date getDate(String columnLabel, Calendar cal) throws SQLException {
    check();
    return raw.getDate(columnLabel, cal);
  }

  @Override
  public java.sql.Time getTime(int columnIndex, Calendar cal) throws SQLException {
    check();
    return raw.getTime(columnIndex, cal);
  }

  @Override
  public java.sql.Time getTime(String columnLabel, Calendar cal) throws SQLException {
    check();
    return raw.getTime(columnLabel, cal);
  }

  @Override
  public java.sql.Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
    check();
    return raw.getTimestamp(columnIndex, cal);
  }

  @Override
  public java.sql.Timestamp getTimestamp(String columnLabel, Calendar cal) throws SQLException {
    check();
    return raw.getTimestamp(columnLabel, cal);
  }

  @Override
  public java.net.URL getURL(int columnIndex) throws SQLException {
    check();
    return raw.getURL(columnIndex);
  }

  @Override
  public java.net.URL getURL(String columnLabel) throws SQLException {
    check();
    return raw.getURL(columnLabel);
  }

  @Override
  public void updateRef(int columnIndex, java.sql.Ref x) throws SQLException {
    check();
    raw.updateRef(columnIndex, x);
  }

  @Override
  public void updateRef(String columnLabel, java.sql.Ref x) throws SQLException {
    check();
    raw.updateRef(columnLabel, x);
  }

  @Override
  public void updateBlob(int columnIndex, java.sql.Blob x) throws SQLException {
    check();
    raw.updateBlob(columnIndex, x);
  }

  @Override
  public void updateBlob(String columnLabel, java.sql.Blob x) throws SQLException {
    check();
    raw.updateBlob(columnLabel, x);
  }

  @Override
  public void updateClob(int columnIndex, java.sql.Clob x) throws SQLException {
    check();
    raw.updateClob(columnIndex, x);
  }

  @Override
  public void updateClob(String columnLabel, java.sql.Clob x) throws SQLException {
    check();
    raw.updateClob(columnLabel, x);
  }

  @Override
  public void updateArray(int columnIndex, java.sql.Array x) throws SQLException {
    check();
    raw.updateArray(columnIndex, x);
  }

  @Override
  public void updateArray(String columnLabel, java.sql.Array x) throws SQLException {
    check();
    raw.updateArray(columnLabel, x);
  }

  @Override
  public RowId getRowId(int columnIndex) throws SQLException {
    check();
    return raw.getRowId(columnIndex);
  }

  @Override
  public RowId getRowId(String columnLabel) throws SQLException {
    check();
    return raw.getRowId(columnLabel);
  }

  @Override
  public void updateRowId(int columnIndex, RowId x) throws SQLException {
    check();
    raw.updateRowId(columnIndex, x);
  }

  @Override
  public void updateRowId(String columnLabel, RowId x) throws SQLException {
    check();
    raw.updateRowId(columnLabel, x);
  }

  @Override
  public int getHoldability() throws SQLException {
    check();
    return raw.getHoldability();
  }

  @Override
  public void updateNString(int columnIndex, String nString) throws SQLException {
    check();
    raw.updateNString(columnIndex, nString);
  }

  @Override
  public void updateNString(String columnLabel, String nString) throws SQLException {
    check();
    raw.updateNString(columnLabel, nString);
  }

  @Override
  public void updateNClob(int columnIndex, NClob nClob) throws SQLException {
    check();
    raw.updateNClob(columnIndex, nClob);
  }

  @Override
  public void updateNClob(String columnLabel, NClob nClob) throws SQLException {
    check();
    raw.updateNClob(columnLabel, nClob);
  }

  @Override
  public NClob getNClob(int columnIndex) throws SQLException {
    check();
    return raw.getNClob(columnIndex);
  }

  @Override
  public NClob getNClob(String columnLabel) throws SQLException {
    check();
    return raw.getNClob(columnLabel);
  }

  @Override
  public SQLXML getSQLXML(int columnIndex) throws SQLException {
    check();
    return raw.getSQLXML(columnIndex);
  }

  @Override
  public SQLXML getSQLXML(String columnLabel) throws SQLException {
    check();
    return raw.getSQLXML(columnLabel);
  }

  @Override
  public void updateSQLXML(int columnIndex, SQLXML xmlObject) throws SQLException {
    check();
    raw.updateSQLXML(columnIndex, xmlObject);
  }

  @Override
  public void updateSQLXML(String columnLabel, SQLXML xmlObject) throws SQLException {
    check();
    raw.updateSQLXML(columnLabel, xmlObject);
  }

  @Override
  public String getNString(int columnIndex) throws SQLException {
    check();
    return raw.getNString(columnIndex);
  }

  @Override
  public String getNString(String columnLabel) throws SQLException {
    check();
    return raw.getNString(columnLabel);
  }

  @Override
  public java.io.Reader getNCharacterStream(int columnIndex) throws SQLException {
    check();
    return raw.getNCharacterStream(columnIndex);
  }

  @Override
  public java.io.Reader getNCharacterStream(String columnLabel) throws SQLException {
    check();
    return raw.getNCharacterStream(columnLabel);
  }

  @Override
  public void updateNCharacterStream(int columnIndex, java.io.Reader x, long length) throws SQLException {
    check();
    raw.updateNCharacterStream(columnIndex, x, length);
  }

  @Override
  public void updateNCharacterStream(String columnLabel, java.io.Reader reader, long length) throws SQLException {
    check();
    raw.updateNCharacterStream(columnLabel, reader, length);
  }

  @Override
  public void updateAsciiStream(int columnIndex, java.io.InputStream x, long length) throws SQLException {
    check();
    raw.updateAsciiStream(columnIndex, x, length);
  }

  @Override
  public void updateBinaryStream(int columnIndex, java.io.InputStream x, long length) throws SQLException {
    check();
    raw.updateBinaryStream(columnIndex, x, length);
  }

  @Override
  public void updateCharacterStream(int columnIndex, java.io.Reader x, long length) throws SQLException {
    check();
    raw.updateCharacterStream(columnIndex, x, length);
  }

  @Override
  public void updateAsciiStream(String columnLabel, java.io.InputStream x, long length) throws SQLException {
    check();
    raw.updateAsciiStream(columnLabel, x, length);
  }

  @Override
  public void updateBinaryStream(String columnLabel, java.io.InputStream x, long length) throws SQLException {
    check();
    raw.updateBinaryStream(columnLabel, x, length);
  }

  @Override
  public void updateCharacterStream(String columnLabel, java.io.Reader reader, long length) throws SQLException {
    check();
    raw.updateCharacterStream(columnLabel, reader, length);
  }

  @Override
  public void updateBlob(int columnIndex, InputStream inputStream, long length) throws SQLException {
    check();
    raw.updateBlob(columnIndex, inputStream, length);
  }

  @Override
  public void updateBlob(String columnLabel, InputStream inputStream, long length) throws SQLException {
    check();
    raw.updateBlob(columnLabel, inputStream, length);
  }

  @Override
  public void updateClob(int columnIndex, Reader reader, long length) throws SQLException {
    check();
    raw.updateClob(columnIndex, reader, length);
  }

  @Override
  public void updateClob(String columnLabel, Reader reader, long length) throws SQLException {
    check();
    raw.updateClob(columnLabel, reader, length);
  }

  @Override
  public void updateNClob(int columnIndex, Reader reader, long length) throws SQLException {
    check();
    raw.updateNClob(columnIndex, reader, length);
  }

  @Override
  public void updateNClob(String columnLabel, Reader reader, long length) throws SQLException {
    check();
    raw.updateNClob(columnLabel, reader, length);
  }

  @Override
  public void updateNCharacterStream(int columnIndex, java.io.Reader x) throws SQLException {
    check();
    raw.updateNCharacterStream(columnIndex, x);
  }

  @Override
  public void updateNCharacterStream(String columnLabel, java.io.Reader reader) throws SQLException {
    check();
    raw.updateNCharacterStream(columnLabel, reader);
  }

  @Override
  public void updateAsciiStream(int columnIndex, java.io.InputStream x) throws SQLException {
    check();
    raw.updateAsciiStream(columnIndex, x);
  }

  @Override
  public void updateBinaryStream(int columnIndex, java.io.InputStream x) throws SQLException {
    check();
    raw.updateBinaryStream(columnIndex, x);
  }

  @Override
  public void updateCharacterStream(int columnIndex, java.io.Reader x) throws SQLException {
    check();
    raw.updateCharacterStream(columnIndex, x);
  }

  @Override
  public void updateAsciiStream(String columnLabel, java.io.InputStream x) throws SQLException {
    check();
    raw.updateAsciiStream(columnLabel, x);
  }

  @Override
  public void updateBinaryStream(String columnLabel, java.io.InputStream x) throws SQLException {
    check();
    raw.updateBinaryStream(columnLabel, x);
  }

  @Override
  public void updateCharacterStream(String columnLabel, java.io.Reader reader) throws SQLException {
    check();
    raw.updateCharacterStream(columnLabel, reader);
  }

  @Override
  public void updateBlob(int columnIndex, InputStream inputStream) throws SQLException {
    check();
    raw.updateBlob(columnIndex, inputStream);
  }

  @Override
  public void updateBlob(String columnLabel, InputStream inputStream) throws SQLException {
    check();
    raw.updateBlob(columnLabel, inputStream);
  }

  @Override
  public void updateClob(int columnIndex, Reader reader) throws SQLException {
    check();
    raw.updateClob(columnIndex, reader);
  }

  @Override
  public void updateClob(String columnLabel, Reader reader) throws SQLException {
    check();
    raw.updateClob(columnLabel, reader);
  }

  @Override
  public void updateNClob(int columnIndex, Reader reader) throws SQLException {
    check();
    raw.updateNClob(columnIndex, reader);
  }

  @Override
  public void updateNClob(String columnLabel, Reader reader) throws SQLException {
    check();
    raw.updateNClob(columnLabel, reader);
  }

  @Override
  public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
    check();
    return raw.getObject(columnIndex, type);
  }

  @Override
  public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
    check();
    return raw.getObject(columnLabel, type);
  }

  @Override
  public void updateObject(int columnIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
    check();
    raw.updateObject(columnIndex, x, targetSqlType, scaleOrLength);
  }

  @Override
  public void updateObject(String columnLabel, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
    check();
    raw.updateObject(columnLabel, x, targetSqlType, scaleOrLength);
  }

  @Override
  public void updateObject(int columnIndex, Object x, SQLType targetSqlType) throws SQLException {
    check();
    raw.updateObject(columnIndex, x, targetSqlType);
  }

  @Override
  public void updateObject(String columnLabel, Object x, SQLType targetSqlType) throws SQLException {
    check();
    raw.updateObject(columnLabel, x, targetSqlType);
  }
}
