package org.sea.pli.lakehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.fs.FileSystem;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.sea.pli.ops.JdbcUrls;

/**
 * An Iceberg JDBC catalog to open: database URL and credentials, catalog name, and the folder that
 * holds one metadata folder per mart table.
 *
 * <p>The catalog tables use Iceberg's default (V0) JDBC schema, without views: pl-impact registers
 * no views, and on H2 the V1 schema's migration fails when an existing catalog is reopened unless
 * the URL has {@code DATABASE_TO_LOWER=TRUE}, a flag that would change how the job repository's own
 * tables are named in an existing database.
 */
public record CatalogConnection(String uri, String user, String password, String name, String warehouse) {

    public CatalogConnection {
        Objects.requireNonNull(uri, "catalog URI (pli.catalog-uri or spring.datasource.url)");
        Objects.requireNonNull(name, "catalog name");
        Objects.requireNonNull(warehouse, "catalog warehouse");
    }

    /** The table metadata location of {@code mart}. */
    public String tableLocation(String mart) {
        return warehouse + "/" + mart;
    }

    /**
     * Opens the catalog, reading and writing table metadata through {@code fs} (the warehouse's, so
     * the same {@code file:}, {@code hdfs://} or {@code s3a://} settings reach it). Close it; that
     * leaves {@code fs} open.
     */
    public JdbcCatalog open(FileSystem fs) {
        Map<String, String> props = new HashMap<>();
        props.put(CatalogProperties.URI, uri);
        props.put(CatalogProperties.WAREHOUSE_LOCATION, warehouse);
        if (user != null) {
            props.put(JdbcCatalog.PROPERTY_PREFIX + "user", user);
        }
        if (password != null) {
            props.put(JdbcCatalog.PROPERTY_PREFIX + "password", password);
        }
        createCatalogTables();
        JdbcCatalog catalog = new JdbcCatalog(p -> new WarehouseFileIO(fs), null, true);
        catalog.setConf(fs.getConf());
        catalog.initialize(name, props);
        return catalog;
    }

    /**
     * Creates Iceberg's two catalog tables (its V0 layout) in the connection's own schema when
     * missing. Iceberg creates them only when no schema of the database has a table of that name
     * (it looks them up without a schema), so on a PostgreSQL database where another schema already
     * holds a catalog it would skip them and then fail on its first query.
     */
    private void createCatalogTables() {
        java.util.Properties credentials = new java.util.Properties();
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        try (Connection c = DriverManager.getConnection(uri, credentials);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS iceberg_tables (catalog_name VARCHAR(255) NOT NULL,"
                    + " table_namespace VARCHAR(255) NOT NULL, table_name VARCHAR(255) NOT NULL,"
                    + " metadata_location VARCHAR(1000), previous_metadata_location VARCHAR(1000),"
                    + " PRIMARY KEY (catalog_name, table_namespace, table_name))");
            s.execute("CREATE TABLE IF NOT EXISTS iceberg_namespace_properties (catalog_name VARCHAR(255) NOT NULL,"
                    + " namespace VARCHAR(255) NOT NULL, property_key VARCHAR(255), property_value VARCHAR(1000),"
                    + " PRIMARY KEY (catalog_name, namespace, property_key))");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create the catalog tables in " + JdbcUrls.redact(uri) + ": " + e.getMessage(), e);
        }
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "catalog " + name + " at " + JdbcUrls.redact(uri) + ", metadata under " + warehouse;
    }
}
