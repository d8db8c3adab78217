package org.sea.pli.run;

import org.sea.pli.lakehouse.CatalogConnection;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Iceberg tables are registered (docs/lakehouse.md), under the {@code pli.} prefix. Unset,
 * the catalog is Iceberg's JDBC catalog in the job-repository database ({@code spring.datasource.*}),
 * named {@value #DEFAULT_NAME}, with table metadata under {@code <warehouse>/iceberg/}.
 *
 * @param catalogUri       JDBC URL of the catalog database ({@code pli.catalog-uri}); default: the job
 *                         repository's {@code spring.datasource.url}
 * @param catalogUser      its user ({@code pli.catalog-user}); default: {@code spring.datasource.username}
 *                         when the URI is the default one
 * @param catalogPassword  its password ({@code pli.catalog-password}, best from the environment as
 *                         {@code PLI_CATALOG_PASSWORD})
 * @param catalogName      the catalog's name ({@code pli.catalog-name}), the key its rows are stored under
 * @param catalogWarehouse where table metadata goes ({@code pli.catalog-warehouse}), one folder per
 *                         mart; default {@code <warehouse>/iceberg}
 */
@ConfigurationProperties("pli")
public record CatalogSettings(
        String catalogUri, String catalogUser, String catalogPassword, String catalogName, String catalogWarehouse) {

    public static final String DEFAULT_NAME = "pl_impact";

    public CatalogSettings {
        catalogName = catalogName == null || catalogName.isBlank() ? DEFAULT_NAME : catalogName.strip();
        if (!catalogName.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
            throw new IllegalArgumentException(
                    "pli.catalog-name must be a letter then letters, digits or _, got '" + catalogName + "'");
        }
        if (catalogUri != null && !catalogUri.isBlank() && !catalogUri.startsWith("jdbc:")) {
            throw new IllegalArgumentException(
                    "pli.catalog-uri must be a JDBC URL (jdbc:postgresql://…, jdbc:h2:file:…), got '" + catalogUri
                            + "'");
        }
    }

    public static CatalogSettings defaults() {
        return new CatalogSettings(null, null, null, null, null);
    }

    /**
     * The connection these settings name, the job repository's where unset.
     *
     * @param warehouseRoot the warehouse's root URI, for the default metadata location
     */
    public CatalogConnection connection(
            String datasourceUrl, String datasourceUser, String datasourcePassword, String warehouseRoot) {
        boolean ownUri = catalogUri != null && !catalogUri.isBlank();
        String uri = ownUri ? catalogUri.strip() : datasourceUrl;
        String user = ownUri ? catalogUser : datasourceUser;
        String password = ownUri ? catalogPassword : datasourcePassword;
        String metadata = catalogWarehouse == null || catalogWarehouse.isBlank()
                ? stripSlash(warehouseRoot) + "/iceberg"
                : stripSlash(catalogWarehouse.strip());
        return new CatalogConnection(uri, user, password, catalogName, metadata);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
