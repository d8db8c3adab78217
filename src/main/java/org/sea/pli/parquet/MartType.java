package org.sea.pli.parquet;

import java.util.Locale;

/**
 * Column types a mart may use (spec §5: string, int32, int64, double, boolean, date,
 * decimal(18,2)), with the names used in {@code schemas/marts/*.json}.
 */
public enum MartType {
    STRING("string"),
    INT32("int32"),
    INT64("int64"),
    DOUBLE("double"),
    BOOLEAN("boolean"),
    DATE("date"),
    DECIMAL_18_2("decimal(18,2)");

    private final String jsonName;

    MartType(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The type name as written in the schema JSON, e.g. {@code decimal(18,2)}. */
    public String jsonName() {
        return jsonName;
    }

    /** Parses a schema JSON type name (exact, ignoring case and surrounding blanks). */
    public static MartType parse(String name) {
        if (name != null) {
            String n = name.trim().toLowerCase(Locale.ROOT).replace(" ", "");
            for (MartType t : values()) {
                if (t.jsonName.equals(n)) {
                    return t;
                }
            }
        }
        throw new IllegalArgumentException("unknown mart column type '" + name
                + "' (expected one of string, int32, int64, double, boolean, date, decimal(18,2))");
    }

    /** The Java class write() accepts for this type. */
    public Class<?> javaType() {
        return switch (this) {
            case STRING -> String.class;
            case INT32 -> Integer.class;
            case INT64 -> Long.class;
            case DOUBLE -> Double.class;
            case BOOLEAN -> Boolean.class;
            case DATE -> java.time.LocalDate.class;
            case DECIMAL_18_2 -> java.math.BigDecimal.class;
        };
    }
}
