package org.sea.pli.parquet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The contract of one mart (spec §5), read from the classpath resource
 * {@code schemas/marts/<mart>.json}.
 *
 * @param partitionedBy {@code "school_year"} (Hive partition, not inside the files) or {@code null}
 * @param key           the mart key in sort order, including {@code school_year} for partitioned marts
 * @param columns       the columns inside the files, in file order
 */
public record MartSchema(String name, String partitionedBy, List<String> key, List<MartColumn> columns) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    static final String PARTITION_COLUMN = "school_year";
    /**
     * How a partition directory is named (Hive style, spec §5): {@code school_year=2025-26}; the one
     * definition that writers and readers of the marts share.
     */
    public static final String PARTITION_PREFIX = PARTITION_COLUMN + "=";
    /**
     * The field id of {@code school_year}, the partition column: the same in every mart, so it is not
     * written in the JSON files; columns inside the files have ids above it (schemas/marts/README.md).
     */
    public static final int PARTITION_FIELD_ID = 1;

    public MartSchema {
        Objects.requireNonNull(name, "mart name");
        key = List.copyOf(key);
        columns = List.copyOf(columns);
        if (partitionedBy != null && !partitionedBy.equals(PARTITION_COLUMN)) {
            throw new IllegalArgumentException(
                    "mart " + name + ": partitioned_by must be \"school_year\" or null, not '" + partitionedBy + "'");
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("mart " + name + " has no columns");
        }
        Set<String> seen = new HashSet<>();
        Set<Integer> ids = new HashSet<>();
        for (MartColumn c : columns) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("mart " + name + ": column id " + c.id() + " used twice");
            }
            if (!NAME.matcher(c.name()).matches()) {
                throw new IllegalArgumentException("mart " + name + ": bad column name '" + c.name() + "'");
            }
            if (!seen.add(c.name())) {
                throw new IllegalArgumentException("mart " + name + ": duplicate column '" + c.name() + "'");
            }
        }
        if (partitionedBy != null && seen.contains(partitionedBy)) {
            throw new IllegalArgumentException(
                    "mart " + name + ": partition column " + partitionedBy + " must not be inside the files (SPEC §5)");
        }
        // spec §5: key columns come first (school_year excepted: it is the partition).
        List<String> inFileKey = key;
        if (partitionedBy != null) {
            if (key.isEmpty() || !key.get(0).equals(partitionedBy)) {
                throw new IllegalArgumentException(
                        "mart " + name + ": key of a partitioned mart must start with " + partitionedBy);
            }
            inFileKey = key.subList(1, key.size());
        }
        for (int i = 0; i < inFileKey.size(); i++) {
            if (i >= columns.size() || !columns.get(i).name().equals(inFileKey.get(i))) {
                throw new IllegalArgumentException(
                        "mart " + name + ": key column " + inFileKey.get(i) + " must be column " + i + " of the files");
            }
        }
    }

    /** Reads {@code schemas/marts/<mart>.json} from the classpath. */
    public static MartSchema load(String mart) {
        return fromJson(mart, json(mart), "schemas/marts/" + mart + ".json");
    }

    /**
     * The whole of {@code schemas/marts/<mart>.json} as JSON, for the parts of a mart's contract
     * other readers own (its {@code disclosure} rule, §5.12).
     */
    public static JsonNode json(String mart) {
        if (mart == null || !NAME.matcher(mart).matches()) {
            throw new IllegalArgumentException("bad mart name '" + mart + "'");
        }
        String resource = "schemas/marts/" + mart + ".json";
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl == null || cl.getResource(resource) == null) {
            cl = MartSchema.class.getClassLoader();
        }
        try (InputStream in = cl.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException(
                        "no schema for mart '" + mart + "' (classpath resource " + resource + ")");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static MartSchema fromJson(String mart, JsonNode root, String source) {
        String declared = text(root, "mart", source);
        if (!mart.equals(declared)) {
            throw new IllegalArgumentException(source + ": declares mart '" + declared + "', expected '" + mart + "'");
        }
        JsonNode part = root.get("partitioned_by");
        String partitionedBy = part == null || part.isNull() ? null : part.asText();
        List<String> key = new ArrayList<>();
        for (JsonNode k : array(root, "key", source)) {
            key.add(k.asText());
        }
        List<MartColumn> columns = new ArrayList<>();
        for (JsonNode c : array(root, "columns", source)) {
            JsonNode sup = c.get("suppression");
            JsonNode desc = c.get("description");
            JsonNode id = c.get("id");
            if (id == null || !id.isInt()) {
                throw new IllegalArgumentException(
                        source + ": column " + c.get("name") + " has no integer \"id\" (field id)");
            }
            columns.add(new MartColumn(
                    id.intValue(),
                    text(c, "name", source),
                    MartType.parse(text(c, "type", source)),
                    sup == null || sup.isNull() ? null : sup.asText(),
                    desc == null || desc.isNull() ? null : desc.asText()));
        }
        return new MartSchema(mart, partitionedBy, key, columns);
    }

    private static String text(JsonNode node, String field, String source) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(source + ": missing or non-text \"" + field + "\"");
        }
        return v.asText();
    }

    private static JsonNode array(JsonNode node, String field, String source) {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException(source + ": missing array \"" + field + "\"");
        }
        return v;
    }

    /** Whether the mart is Hive-partitioned by school_year. */
    public boolean partitioned() {
        return partitionedBy != null;
    }

    /** Position of {@code column} in {@link #columns()}. */
    public int index(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("mart " + name + " has no column '" + column + "'");
    }

    /**
     * The Parquet schema of the files: every column OPTIONAL; string = BINARY (STRING), date = INT32
     * (DATE), decimal(18,2) = INT64 (DECIMAL(18,2)); the others plain. Each field carries its
     * column's id (the Parquet field id Iceberg and Spark map columns by).
     */
    public MessageType parquetType() {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (MartColumn c : columns) {
            b.addField(parquetField(c));
        }
        return b.named(name);
    }

    private static Type parquetField(MartColumn c) {
        return switch (c.type()) {
            case STRING ->
                Types.optional(PrimitiveTypeName.BINARY)
                        .as(LogicalTypeAnnotation.stringType())
                        .id(c.id())
                        .named(c.name());
            case INT32 -> Types.optional(PrimitiveTypeName.INT32).id(c.id()).named(c.name());
            case INT64 -> Types.optional(PrimitiveTypeName.INT64).id(c.id()).named(c.name());
            case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE).id(c.id()).named(c.name());
            case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).id(c.id()).named(c.name());
            case DATE ->
                Types.optional(PrimitiveTypeName.INT32)
                        .as(LogicalTypeAnnotation.dateType())
                        .id(c.id())
                        .named(c.name());
            case DECIMAL_18_2 ->
                Types.optional(PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.decimalType(2, 18))
                        .id(c.id())
                        .named(c.name());
        };
    }
}
