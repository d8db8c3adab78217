package org.sea.pli.lakehouse;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
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
     * Opens the catalog; its file IO is Hadoop's, with {@code conf} (the warehouse's, so the same
     * {@code file:}, {@code hdfs://} or {@code s3a://} settings reach the table metadata). Close it.
     */
    public JdbcCatalog open(Configuration conf) {
        Map<String, String> props = new HashMap<>();
        props.put(CatalogProperties.URI, uri);
        props.put(CatalogProperties.WAREHOUSE_LOCATION, warehouse);
        if (user != null) {
            props.put(JdbcCatalog.PROPERTY_PREFIX + "user", user);
        }
        if (password != null) {
            props.put(JdbcCatalog.PROPERTY_PREFIX + "password", password);
        }
        JdbcCatalog catalog = new JdbcCatalog();
        catalog.setConf(conf);
        catalog.initialize(name, props);
        return catalog;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "catalog " + name + " at " + JdbcUrls.redact(uri) + ", metadata under " + warehouse;
    }
}
