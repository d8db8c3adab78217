package org.sea.pli.lakehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.mapping.MappingUtil;
import org.apache.iceberg.mapping.NameMappingParser;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.sea.pli.parquet.MartColumn;
import org.sea.pli.parquet.MartSchema;

/**
 * A mart's Iceberg table definition, made from {@code schemas/marts/<mart>.json}: every column
 * optional, with the field id the Parquet files carry ({@code school_year}, the partition column,
 * id {@value MartSchema#PARTITION_FIELD_ID}); partitioned by identity on {@code school_year} when the
 * mart is Hive-partitioned.
 */
public final class MartTableSchema {

    /** Iceberg table format version of the mart tables. */
    public static final int FORMAT_VERSION = 2;

    private MartTableSchema() {}

    public static Schema schema(MartSchema mart) {
        List<Types.NestedField> fields = new ArrayList<>();
        if (mart.partitioned()) {
            fields.add(Types.NestedField.optional(
                    MartSchema.PARTITION_FIELD_ID,
                    mart.partitionedBy(),
                    Types.StringType.get(),
                    "School year, YYYY-YY; the partition (docs/spec.md §5)."));
        }
        for (MartColumn c : mart.columns()) {
            fields.add(Types.NestedField.optional(c.id(), c.name(), type(c), c.description()));
        }
        return new Schema(fields);
    }

    public static PartitionSpec spec(MartSchema mart, Schema schema) {
        return mart.partitioned()
                ? PartitionSpec.builderFor(schema)
                        .identity(mart.partitionedBy())
                        .build()
                : PartitionSpec.unpartitioned();
    }

    /**
     * Table properties: a name mapping for readers of files written without ids;
     * and garbage collection off, so that no Iceberg maintenance (snapshot expiry, orphan-file
     * removal) ever deletes a file under {@code runs/}, which belong to the runs and their manifests.
     */
    public static Map<String, String> properties(Schema schema) {
        return Map.of(
                TableProperties.DEFAULT_NAME_MAPPING,
                NameMappingParser.toJson(MappingUtil.create(schema)),
                TableProperties.GC_ENABLED,
                "false");
    }

    private static Type type(MartColumn c) {
        return switch (c.type()) {
            case STRING -> Types.StringType.get();
            case INT32 -> Types.IntegerType.get();
            case INT64 -> Types.LongType.get();
            case DOUBLE -> Types.DoubleType.get();
            case BOOLEAN -> Types.BooleanType.get();
            case DATE -> Types.DateType.get();
            case DECIMAL_18_2 -> Types.DecimalType.of(18, 2);
        };
    }
}
