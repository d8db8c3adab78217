package org.sea.pli.mart;

import org.sea.pli.parquet.MartSchema;

/**
 * A {@link YearMart} whose rows follow its schema file ({@code schemas/marts/<name>.json}): its
 * name, its row shape and the run's mart settings, held in one place for every such mart.
 */
abstract class SchemaYearMart implements YearMart {

    final MartRow shape;
    final MartSettings settings;
    private final String name;

    SchemaYearMart(String name, MartSettings settings) {
        this.name = name;
        this.shape = new MartRow(MartSchema.load(name));
        this.settings = settings;
    }

    @Override
    public final String name() {
        return name;
    }
}
