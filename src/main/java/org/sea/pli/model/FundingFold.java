package org.sea.pli.model;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.sea.pli.extract.ExtractRow;
import org.sea.pli.extract.ExtractSchema;

/** {@code pl_funding} (spec §2): the funding lines of a school year, in file order. */
final class FundingFold extends YearFold<List<FundingLine>> {

    private final LeaModel lea;
    private final int id;
    private final int source;
    private final int amount;

    FundingFold(LeaModel lea, ExtractSchema schema) {
        super(schema.index("school_year"));
        this.lea = lea;
        this.id = schema.index("activity_id");
        this.source = schema.index("funding_source");
        this.amount = schema.index("amount_usd");
    }

    @Override
    List<FundingLine> create() {
        return new ArrayList<>();
    }

    @Override
    void add(List<FundingLine> lines, ExtractRow r) {
        lines.add(new FundingLine(
                r.text(id),
                r.text(source),
                // at most 2 decimals once trailing zeros drop (§2): exact at scale 2
                r.decimal(amount).setScale(2, RoundingMode.UNNECESSARY)));
    }

    @Override
    void commit(int schoolYear, List<FundingLine> lines) {
        lea.funding.put(schoolYear, lines);
    }
}
