package dev.lifecycle.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;

/**
 * The wrapper of a connection's metadata: its result sets are children of the connection, and
 * {@link #getConnection()} is the connection wrapper. A hand-written delegate.
 */
final class JdbcMetaData implements DatabaseMetaData {
  private final JdbcConnection connection;
  private final DatabaseMetaData raw;

  JdbcMetaData(JdbcConnection connection, DatabaseMetaData raw) {
    this.connection = connection;
    this.raw = raw;
  }

  @Override
  public Connection getConnection() throws SQLException {
    connection.checkOpen();
    return connection;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    connection.checkOpen();
    return iface.isInstance(raw) ? iface.cast(raw) : raw.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return true;
    }
    connection.checkOpen();
    return iface.isInstance(raw) || raw.isWrapperFor(iface);
  }

  // ---- delegation, one method per JDBC method -------------------------------------------------

  @Override
  public boolean allProceduresAreCallable() throws SQLException {
    connection.checkOpen();
    return raw.allProceduresAreCallable();
  }

  @Override
  public boolean allTablesAreSelectable() throws SQLException {
    connection.checkOpen();
    return raw.allTablesAreSelectable();
  }

  @Override
  public String getURL() throws SQLException {
    connection.checkOpen();
    return raw.getURL();
  }

  @Override
  public String getUserName() throws SQLException {
    connection.checkOpen();
    return raw.getUserName();
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    connection.checkOpen();
    return raw.isReadOnly();
  }

  @Override
  public boolean nullsAreSortedHigh() throws SQLException {
    connection.checkOpen();
    return raw.nullsAreSortedHigh();
  }

  @Override
  public boolean nullsAreSortedLow() throws SQLException {
    connection.checkOpen();
    return raw.nullsAreSortedLow();
  }

  @Override
  public boolean nullsAreSortedAtStart() throws SQLException {
    connection.checkOpen();
    return raw.nullsAreSortedAtStart();
  }

  @Override
  public boolean nullsAreSortedAtEnd() throws SQLException {
    connection.checkOpen();
    return raw.nullsAreSortedAtEnd();
  }

  @Override
  public String getDatabaseProductName() throws SQLException {
    connection.checkOpen();
    return raw.getDatabaseProductName();
  }

  @Override
  public String getDatabaseProductVersion() throws SQLException {
    connection.checkOpen();
    return raw.getDatabaseProductVersion();
  }

  @Override
  public String getDriverName() throws SQLException {
    connection.checkOpen();
    return raw.getDriverName();
  }

  @Override
  public String getDriverVersion() throws SQLException {
    connection.checkOpen();
    return raw.getDriverVersion();
  }

  @Override
  public int getDriverMajorVersion() {
    return raw.getDriverMajorVersion();
  }

  @Override
  public int getDriverMinorVersion() {
    return raw.getDriverMinorVersion();
  }

  @Override
  public boolean usesLocalFiles() throws SQLException {
    connection.checkOpen();
    return raw.usesLocalFiles();
  }

  @Override
  public boolean usesLocalFilePerTable() throws SQLException {
    connection.checkOpen();
    return raw.usesLocalFilePerTable();
  }

  @Override
  public boolean supportsMixedCaseIdentifiers() throws SQLException {
    connection.checkOpen();
    return raw.supportsMixedCaseIdentifiers();
  }

  @Override
  public boolean storesUpperCaseIdentifiers() throws SQLException {
    connection.checkOpen();
    return raw.storesUpperCaseIdentifiers();
  }

  @Override
  public boolean storesLowerCaseIdentifiers() throws SQLException {
    connection.checkOpen();
    return raw.storesLowerCaseIdentifiers();
  }

  @Override
  public boolean storesMixedCaseIdentifiers() throws SQLException {
    connection.checkOpen();
    return raw.storesMixedCaseIdentifiers();
  }

  @Override
  public boolean supportsMixedCaseQuotedIdentifiers() throws SQLException {
    connection.checkOpen();
    return raw.supportsMixedCaseQuotedIdentifiers();
  }

  @Override
  public boolean storesUpperCaseQuotedIdentifiers() throws SQLException {
    connection.checkOpen();
    return raw.storesUpperCaseQuotedIdentifiers();
  }

  @Override
  public boolean storesLowerCaseQuotedIdentifiers() throws SQLException {
    connection.checkOpen();
    return raw.storesLowerCaseQuotedIdentifiers();
  }

  @Override
  public boolean storesMixedCaseQuotedIdentifiers() throws SQLException {
    connection.checkOpen();
    return raw.storesMixedCaseQuotedIdentifiers();
  }

  @Override
  public String getIdentifierQuoteString() throws SQLException {
    connection.checkOpen();
    return raw.getIdentifierQuoteString();
  }

  @Override
  public String getSQLKeywords() throws SQLException {
    connection.checkOpen();
    return raw.getSQLKeywords();
  }

  @Override
  public String getNumericFunctions() throws SQLException {
    connection.checkOpen();
    return raw.getNumericFunctions();
  }

  @Override
  public String getStringFunctions() throws SQLException {
    connection.checkOpen();
    return raw.getStringFunctions();
  }

  @Override
  public String getSystemFunctions() throws SQLException {
    connection.checkOpen();
    return raw.getSystemFunctions();
  }

  @Override
  public String getTimeDateFunctions() throws SQLException {
    connection.checkOpen();
    return raw.getTimeDateFunctions();
  }

  @Override
  public String getSearchStringEscape() throws SQLException {
    connection.checkOpen();
    return raw.getSearchStringEscape();
  }

  @Override
  public String getExtraNameCharacters() throws SQLException {
    connection.checkOpen();
    return raw.getExtraNameCharacters();
  }

  @Override
  public boolean supportsAlterTableWithAddColumn() throws SQLException {
    connection.checkOpen();
    return raw.supportsAlterTableWithAddColumn();
  }

  @Override
  public boolean supportsAlterTableWithDropColumn() throws SQLException {
    connection.checkOpen();
    return raw.supportsAlterTableWithDropColumn();
  }

  @Override
  public boolean supportsColumnAliasing() throws SQLException {
    connection.checkOpen();
    return raw.supportsColumnAliasing();
  }

  @Override
  public boolean nullPlusNonNullIsNull() throws SQLException {
    connection.checkOpen();
    return raw.nullPlusNonNullIsNull();
  }

  @Override
  public boolean supportsConvert() throws SQLException {
    connection.checkOpen();
    return raw.supportsConvert();
  }

  @Override
  public boolean supportsConvert(int fromType, int toType) throws SQLException {
    connection.checkOpen();
    return raw.supportsConvert(fromType, toType);
  }

  @Override
  public boolean supportsTableCorrelationNames() throws SQLException {
    connection.checkOpen();
    return raw.supportsTableCorrelationNames();
  }

  @Override
  public boolean supportsDifferentTableCorrelationNames() throws SQLException {
    connection.checkOpen();
    return raw.supportsDifferentTableCorrelationNames();
  }

  @Override
  public boolean supportsExpressionsInOrderBy() throws SQLException {
    connection.checkOpen();
    return raw.supportsExpressionsInOrderBy();
  }

  @Override
  public boolean supportsOrderByUnrelated() throws SQLException {
    connection.checkOpen();
    return raw.supportsOrderByUnrelated();
  }

  @Override
  public boolean supportsGroupBy() throws SQLException {
    connection.checkOpen();
    return raw.supportsGroupBy();
  }

  @Override
  public boolean supportsGroupByUnrelated() throws SQLException {
    connection.checkOpen();
    return raw.supportsGroupByUnrelated();
  }

  @Override
  public boolean supportsGroupByBeyondSelect() throws SQLException {
    connection.checkOpen();
    return raw.supportsGroupByBeyondSelect();
  }

  @Override
  public boolean supportsLikeEscapeClause() throws SQLException {
    connection.checkOpen();
    return raw.supportsLikeEscapeClause();
  }

  @Override
  public boolean supportsMultipleResultSets() throws SQLException {
    connection.checkOpen();
    return raw.supportsMultipleResultSets();
  }

  @Override
  public boolean supportsMultipleTransactions() throws SQLException {
    connection.checkOpen();
    return raw.supportsMultipleTransactions();
  }

  @Override
  public boolean supportsNonNullableColumns() throws SQLException {
    connection.checkOpen();
    return raw.supportsNonNullableColumns();
  }

  @Override
  public boolean supportsMinimumSQLGrammar() throws SQLException {
    connection.checkOpen();
    return raw.supportsMinimumSQLGrammar();
  }

  @Override
  public boolean supportsCoreSQLGrammar() throws SQLException {
    connection.checkOpen();
    return raw.supportsCoreSQLGrammar();
  }

  @Override
  public boolean supportsExtendedSQLGrammar() throws SQLException {
    connection.checkOpen();
    return raw.supportsExtendedSQLGrammar();
  }

  @Override
  public boolean supportsANSI92EntryLevelSQL() throws SQLException {
    connection.checkOpen();
    return raw.supportsANSI92EntryLevelSQL();
  }

  @Override
  public boolean supportsANSI92IntermediateSQL() throws SQLException {
    connection.checkOpen();
    return raw.supportsANSI92IntermediateSQL();
  }

  @Override
  public boolean supportsANSI92FullSQL() throws SQLException {
    connection.checkOpen();
    return raw.supportsANSI92FullSQL();
  }

  @Override
  public boolean supportsIntegrityEnhancementFacility() throws SQLException {
    connection.checkOpen();
    return raw.supportsIntegrityEnhancementFacility();
  }

  @Override
  public boolean supportsOuterJoins() throws SQLException {
    connection.checkOpen();
    return raw.supportsOuterJoins();
  }

  @Override
  public boolean supportsFullOuterJoins() throws SQLException {
    connection.checkOpen();
    return raw.supportsFullOuterJoins();
  }

  @Override
  public boolean supportsLimitedOuterJoins() throws SQLException {
    connection.checkOpen();
    return raw.supportsLimitedOuterJoins();
  }

  @Override
  public String getSchemaTerm() throws SQLException {
    connection.checkOpen();
    return raw.getSchemaTerm();
  }

  @Override
  public String getProcedureTerm() throws SQLException {
    connection.checkOpen();
    return raw.getProcedureTerm();
  }

  @Override
  public String getCatalogTerm() throws SQLException {
    connection.checkOpen();
    return raw.getCatalogTerm();
  }

  @Override
  public boolean isCatalogAtStart() throws SQLException {
    connection.checkOpen();
    return raw.isCatalogAtStart();
  }

  @Override
  public String getCatalogSeparator() throws SQLException {
    connection.checkOpen();
    return raw.getCatalogSeparator();
  }

  @Override
  public boolean supportsSchemasInDataManipulation() throws SQLException {
    connection.checkOpen();
    return raw.supportsSchemasInDataManipulation();
  }

  @Override
  public boolean supportsSchemasInProcedureCalls() throws SQLException {
    connection.checkOpen();
    return raw.supportsSchemasInProcedureCalls();
  }

  @Override
  public boolean supportsSchemasInTableDefinitions() throws SQLException {
    connection.checkOpen();
    return raw.supportsSchemasInTableDefinitions();
  }

  @Override
  public boolean supportsSchemasInIndexDefinitions() throws SQLException {
    connection.checkOpen();
    return raw.supportsSchemasInIndexDefinitions();
  }

  @Override
  public boolean supportsSchemasInPrivilegeDefinitions() throws SQLException {
    connection.checkOpen();
    return raw.supportsSchemasInPrivilegeDefinitions();
  }

  @Override
  public boolean supportsCatalogsInDataManipulation() throws SQLException {
    connection.checkOpen();
    return raw.supportsCatalogsInDataManipulation();
  }

  @Override
  public boolean supportsCatalogsInProcedureCalls() throws SQLException {
    connection.checkOpen();
    return raw.supportsCatalogsInProcedureCalls();
  }

  @Override
  public boolean supportsCatalogsInTableDefinitions() throws SQLException {
    connection.checkOpen();
    return raw.supportsCatalogsInTableDefinitions();
  }

  @Override
  public boolean supportsCatalogsInIndexDefinitions() throws SQLException {
    connection.checkOpen();
    return raw.supportsCatalogsInIndexDefinitions();
  }

  @Override
  public boolean supportsCatalogsInPrivilegeDefinitions() throws SQLException {
    connection.checkOpen();
    return raw.supportsCatalogsInPrivilegeDefinitions();
  }

  @Override
  public boolean supportsPositionedDelete() throws SQLException {
    connection.checkOpen();
    return raw.supportsPositionedDelete();
  }

  @Override
  public boolean supportsPositionedUpdate() throws SQLException {
    connection.checkOpen();
    return raw.supportsPositionedUpdate();
  }

  @Override
  public boolean supportsSelectForUpdate() throws SQLException {
    connection.checkOpen();
    return raw.supportsSelectForUpdate();
  }

  @Override
  public boolean supportsStoredProcedures() throws SQLException {
    connection.checkOpen();
    return raw.supportsStoredProcedures();
  }

  @Override
  public boolean supportsSubqueriesInComparisons() throws SQLException {
    connection.checkOpen();
    return raw.supportsSubqueriesInComparisons();
  }

  @Override
  public boolean supportsSubqueriesInExists() throws SQLException {
    connection.checkOpen();
    return raw.supportsSubqueriesInExists();
  }

  @Override
  public boolean supportsSubqueriesInIns() throws SQLException {
    connection.checkOpen();
    return raw.supportsSubqueriesInIns();
  }

  @Override
  public boolean supportsSubqueriesInQuantifieds() throws SQLException {
    connection.checkOpen();
    return raw.supportsSubqueriesInQuantifieds();
  }

  @Override
  public boolean supportsCorrelatedSubqueries() throws SQLException {
    connection.checkOpen();
    return raw.supportsCorrelatedSubqueries();
  }

  @Override
  public boolean supportsUnion() throws SQLException {
    connection.checkOpen();
    return raw.supportsUnion();
  }

  @Override
  public boolean supportsUnionAll() throws SQLException {
    connection.checkOpen();
    return raw.supportsUnionAll();
  }

  @Override
  public boolean supportsOpenCursorsAcrossCommit() throws SQLException {
    connection.checkOpen();
    return raw.supportsOpenCursorsAcrossCommit();
  }

  @Override
  public boolean supportsOpenCursorsAcrossRollback() throws SQLException {
    connection.checkOpen();
    return raw.supportsOpenCursorsAcrossRollback();
  }

  @Override
  public boolean supportsOpenStatementsAcrossCommit() throws SQLException {
    connection.checkOpen();
    return raw.supportsOpenStatementsAcrossCommit();
  }

  @Override
  public boolean supportsOpenStatementsAcrossRollback() throws SQLException {
    connection.checkOpen();
    return raw.supportsOpenStatementsAcrossRollback();
  }

  @Override
  public int getMaxBinaryLiteralLength() throws SQLException {
    connection.checkOpen();
    return raw.getMaxBinaryLiteralLength();
  }

  @Override
  public int getMaxCharLiteralLength() throws SQLException {
    connection.checkOpen();
    return raw.getMaxCharLiteralLength();
  }

  @Override
  public int getMaxColumnNameLength() throws SQLException {
    connection.checkOpen();
    return raw.getMaxColumnNameLength();
  }

  @Override
  public int getMaxColumnsInGroupBy() throws SQLException {
    connection.checkOpen();
    return raw.getMaxColumnsInGroupBy();
  }

  @Override
  public int getMaxColumnsInIndex() throws SQLException {
    connection.checkOpen();
    return raw.getMaxColumnsInIndex();
  }

  @Override
  public int getMaxColumnsInOrderBy() throws SQLException {
    connection.checkOpen();
    return raw.getMaxColumnsInOrderBy();
  }

  @Override
  public int getMaxColumnsInSelect() throws SQLException {
    connection.checkOpen();
    return raw.getMaxColumnsInSelect();
  }

  @Override
  public int getMaxColumnsInTable() throws SQLException {
    connection.checkOpen();
    return raw.getMaxColumnsInTable();
  }

  @Override
  public int getMaxConnections() throws SQLException {
    connection.checkOpen();
    return raw.getMaxConnections();
  }

  @Override
  public int getMaxCursorNameLength() throws SQLException {
    connection.checkOpen();
    return raw.getMaxCursorNameLength();
  }

  @Override
  public int getMaxIndexLength() throws SQLException {
    connection.checkOpen();
    return raw.getMaxIndexLength();
  }

  @Override
  public int getMaxSchemaNameLength() throws SQLException {
    connection.checkOpen();
    return raw.getMaxSchemaNameLength();
  }

  @Override
  public int getMaxProcedureNameLength() throws SQLException {
    connection.checkOpen();
    return raw.getMaxProcedureNameLength();
  }

  @Override
  public int getMaxCatalogNameLength() throws SQLException {
    connection.checkOpen();
    return raw.getMaxCatalogNameLength();
  }

  @Override
  public int getMaxRowSize() throws SQLException {
    connection.checkOpen();
    return raw.getMaxRowSize();
  }

  @Override
  public boolean doesMaxRowSizeIncludeBlobs() throws SQLException {
    connection.checkOpen();
    return raw.doesMaxRowSizeIncludeBlobs();
  }

  @Override
  public int getMaxStatementLength() throws SQLException {
    connection.checkOpen();
    return raw.getMaxStatementLength();
  }

  @Override
  public int getMaxStatements() throws SQLException {
    connection.checkOpen();
    return raw.getMaxStatements();
  }

  @Override
  public int getMaxTableNameLength() throws SQLException {
    connection.checkOpen();
    return raw.getMaxTableNameLength();
  }

  @Override
  public int getMaxTablesInSelect() throws SQLException {
    connection.checkOpen();
    return raw.getMaxTablesInSelect();
  }

  @Override
  public int getMaxUserNameLength() throws SQLException {
    connection.checkOpen();
    return raw.getMaxUserNameLength();
  }

  @Override
  public int getDefaultTransactionIsolation() throws SQLException {
    connection.checkOpen();
    return raw.getDefaultTransactionIsolation();
  }

  @Override
  public boolean supportsTransactions() throws SQLException {
    connection.checkOpen();
    return raw.supportsTransactions();
  }

  @Override
  public boolean supportsTransactionIsolationLevel(int level) throws SQLException {
    connection.checkOpen();
    return raw.supportsTransactionIsolationLevel(level);
  }

  @Override
  public boolean supportsDataDefinitionAndDataManipulationTransactions() throws SQLException {
    connection.checkOpen();
    return raw.supportsDataDefinitionAndDataManipulationTransactions();
  }

  @Override
  public boolean supportsDataManipulationTransactionsOnly() throws SQLException {
    connection.checkOpen();
    return raw.supportsDataManipulationTransactionsOnly();
  }

  @Override
  public boolean dataDefinitionCausesTransactionCommit() throws SQLException {
    connection.checkOpen();
    return raw.dataDefinitionCausesTransactionCommit();
  }

  @Override
  public boolean dataDefinitionIgnoredInTransactions() throws SQLException {
    connection.checkOpen();
    return raw.dataDefinitionIgnoredInTransactions();
  }

  @Override
  public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern) throws SQLException {
    return connection.metaResult(raw.getProcedures(catalog, schemaPattern, procedureNamePattern));
  }

  @Override
  public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern, String columnNamePattern) throws SQLException {
    return connection.metaResult(raw.getProcedureColumns(catalog, schemaPattern, procedureNamePattern, columnNamePattern));
  }

  @Override
  public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types) throws SQLException {
    return connection.metaResult(raw.getTables(catalog, schemaPattern, tableNamePattern, types));
  }

  @Override
  public ResultSet getSchemas() throws SQLException {
    return connection.metaResult(raw.getSchemas());
  }

  @Override
  public ResultSet getCatalogs() throws SQLException {
    return connection.metaResult(raw.getCatalogs());
  }

  @Override
  public ResultSet getTableTypes() throws SQLException {
    return connection.metaResult(raw.getTableTypes());
  }

  @Override
  public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern) throws SQLException {
    return connection.metaResult(raw.getColumns(catalog, schemaPattern, tableNamePattern, columnNamePattern));
  }

  @Override
  public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern) throws SQLException {
    return connection.metaResult(raw.getColumnPrivileges(catalog, schema, table, columnNamePattern));
  }

  @Override
  public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
    return connection.metaResult(raw.getTablePrivileges(catalog, schemaPattern, tableNamePattern));
  }

  @Override
  public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable) throws SQLException {
    return connection.metaResult(raw.getBestRowIdentifier(catalog, schema, table, scope, nullable));
  }

  @Override
  public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
    return connection.metaResult(raw.getVersionColumns(catalog, schema, table));
  }

  @Override
  public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
    return connection.metaResult(raw.getPrimaryKeys(catalog, schema, table));
  }

  @Override
  public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
    return connection.metaResult(raw.getImportedKeys(catalog, schema, table));
  }

  @Override
  public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
    return connection.metaResult(raw.getExportedKeys(catalog, schema, table));
  }

  @Override
  public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable, String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
    return connection.metaResult(raw.getCrossReference(parentCatalog, parentSchema, parentTable, foreignCatalog, foreignSchema, foreignTable));
  }

  @Override
  public ResultSet getTypeInfo() throws SQLException {
    return connection.metaResult(raw.getTypeInfo());
  }

  @Override
  public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate) throws SQLException {
    return connection.metaResult(raw.getIndexInfo(catalog, schema, table, unique, approximate));
  }

  @Override
  public boolean supportsResultSetType(int type) throws SQLException {
    connection.checkOpen();
    return raw.supportsResultSetType(type);
  }

  @Override
  public boolean supportsResultSetConcurrency(int type, int concurrency) throws SQLException {
    connection.checkOpen();
    return raw.supportsResultSetConcurrency(type, concurrency);
  }

  @Override
  public boolean ownUpdatesAreVisible(int type) throws SQLException {
    connection.checkOpen();
    return raw.ownUpdatesAreVisible(type);
  }

  @Override
  public boolean ownDeletesAreVisible(int type) throws SQLException {
    connection.checkOpen();
    return raw.ownDeletesAreVisible(type);
  }

  @Override
  public boolean ownInsertsAreVisible(int type) throws SQLException {
    connection.checkOpen();
    return raw.ownInsertsAreVisible(type);
  }

  @Override
  public boolean othersUpdatesAreVisible(int type) throws SQLException {
    connection.checkOpen();
    return raw.othersUpdatesAreVisible(type);
  }

  @Override
  public boolean othersDeletesAreVisible(int type) throws SQLException {
    connection.checkOpen();
    return raw.othersDeletesAreVisible(type);
  }

  @Override
  public boolean othersInsertsAreVisible(int type) throws SQLException {
    connection.checkOpen();
    return raw.othersInsertsAreVisible(type);
  }

  @Override
  public boolean updatesAreDetected(int type) throws SQLException {
    connection.checkOpen();
    return raw.updatesAreDetected(type);
  }

  @Override
  public boolean deletesAreDetected(int type) throws SQLException {
    connection.checkOpen();
    return raw.deletesAreDetected(type);
  }

  @Override
  public boolean insertsAreDetected(int type) throws SQLException {
    connection.checkOpen();
    return raw.insertsAreDetected(type);
  }

  @Override
  public boolean supportsBatchUpdates() throws SQLException {
    connection.checkOpen();
    return raw.supportsBatchUpdates();
  }

  @Override
  public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types) throws SQLException {
    return connection.metaResult(raw.getUDTs(catalog, schemaPattern, typeNamePattern, types));
  }

  @Override
  public boolean supportsSavepoints() throws SQLException {
    connection.checkOpen();
    return raw.supportsSavepoints();
  }

  @Override
  public boolean supportsNamedParameters() throws SQLException {
    connection.checkOpen();
    return raw.supportsNamedParameters();
  }

  @Override
  public boolean supportsMultipleOpenResults() throws SQLException {
    connection.checkOpen();
    return raw.supportsMultipleOpenResults();
  }

  @Override
  public boolean supportsGetGeneratedKeys() throws SQLException {
    connection.checkOpen();
    return raw.supportsGetGeneratedKeys();
  }

  @Override
  public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) throws SQLException {
    return connection.metaResult(raw.getSuperTypes(catalog, schemaPattern, typeNamePattern));
  }

  @Override
  public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
    return connection.metaResult(raw.getSuperTables(catalog, schemaPattern, tableNamePattern));
  }

  @Override
  public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern, String attributeNamePattern) throws SQLException {
    return connection.metaResult(raw.getAttributes(catalog, schemaPattern, typeNamePattern, attributeNamePattern));
  }

  @Override
  public boolean supportsResultSetHoldability(int holdability) throws SQLException {
    connection.checkOpen();
    return raw.supportsResultSetHoldability(holdability);
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    connection.checkOpen();
    return raw.getResultSetHoldability();
  }

  @Override
  public int getDatabaseMajorVersion() throws SQLException {
    connection.checkOpen();
    return raw.getDatabaseMajorVersion();
  }

  @Override
  public int getDatabaseMinorVersion() throws SQLException {
    connection.checkOpen();
    return raw.getDatabaseMinorVersion();
  }

  @Override
  public int getJDBCMajorVersion() throws SQLException {
    connection.checkOpen();
    return raw.getJDBCMajorVersion();
  }

  @Override
  public int getJDBCMinorVersion() throws SQLException {
    connection.checkOpen();
    return raw.getJDBCMinorVersion();
  }

  @Override
  public int getSQLStateType() throws SQLException {
    connection.checkOpen();
    return raw.getSQLStateType();
  }

  @Override
  public boolean locatorsUpdateCopy() throws SQLException {
    connection.checkOpen();
    return raw.locatorsUpdateCopy();
  }

  @Override
  public boolean supportsStatementPooling() throws SQLException {
    connection.checkOpen();
    return raw.supportsStatementPooling();
  }

  @Override
  public RowIdLifetime getRowIdLifetime() throws SQLException {
    connection.checkOpen();
    return raw.getRowIdLifetime();
  }

  @Override
  public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
    return connection.metaResult(raw.getSchemas(catalog, schemaPattern));
  }

  @Override
  public boolean supportsStoredFunctionsUsingCallSyntax() throws SQLException {
    connection.checkOpen();
    return raw.supportsStoredFunctionsUsingCallSyntax();
  }

  @Override
  public boolean autoCommitFailureClosesAllResultSets() throws SQLException {
    connection.checkOpen();
    return raw.autoCommitFailureClosesAllResultSets();
  }

  @Override
  public ResultSet getClientInfoProperties() throws SQLException {
    return connection.metaResult(raw.getClientInfoProperties());
  }

  @Override
  public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern) throws SQLException {
    return connection.metaResult(raw.getFunctions(catalog, schemaPattern, functionNamePattern));
  }

  @Override
  public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern, String columnNamePattern) throws SQLException {
    return connection.metaResult(raw.getFunctionColumns(catalog, schemaPattern, functionNamePattern, columnNamePattern));
  }

  @Override
  public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern) throws SQLException {
    return connection.metaResult(raw.getPseudoColumns(catalog, schemaPattern, tableNamePattern, columnNamePattern));
  }

  @Override
  public boolean generatedKeyAlwaysReturned() throws SQLException {
    connection.checkOpen();
    return raw.generatedKeyAlwaysReturned();
  }

  @Override
  public long getMaxLogicalLobSize() throws SQLException {
    connection.checkOpen();
    return raw.getMaxLogicalLobSize();
  }

  @Override
  public boolean supportsRefCursors() throws SQLException {
    connection.checkOpen();
    return raw.supportsRefCursors();
  }

  @Override
  public boolean supportsSharding() throws SQLException {
    connection.checkOpen();
    return raw.supportsSharding();
  }
}
