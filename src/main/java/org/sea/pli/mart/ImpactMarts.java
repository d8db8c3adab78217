package org.sea.pli.mart;

import java.io.IOException;
import java.util.List;
import java.util.TreeSet;
import org.sea.pli.extract.SchoolYear;
import org.sea.pli.model.GrowthStandardization;
import org.sea.pli.model.LeaModel;
import org.sea.pli.model.LeaYear;

/**
 * Computes every {@link YearMart} of {@link MartCatalog} from the LEA models (SPEC §4, §5): the
 * statewide standardization of §4.3 once, then school year by school year, LEA by LEA in lea_id
 * order, one {@link LeaYear} at a time (so memory holds one LEA-year's elements, not the state's).
 * Every floating-point sum runs in that key order, so the bytes do not depend on thread count (§6).
 */
public final class ImpactMarts {

    private final MartSettings settings;

    public ImpactMarts(MartSettings settings) {
        this.settings = settings;
    }

    public ImpactMarts(int minCellSize, double improvedThreshold, int brightSpots, EducatorPseudonym pseudonym) {
        this(new MartSettings(minCellSize, improvedThreshold, brightSpots, pseudonym));
    }

    public void write(List<LeaModel> leas, MartSink sink) throws IOException {
        List<YearMart> marts = MartCatalog.yearMarts(settings);
        GrowthStandardization growth = GrowthStandardization.of(leas);
        TreeSet<Integer> years = new TreeSet<>();
        leas.forEach(l -> years.addAll(l.years()));
        for (int year : years) {
            String partition = SchoolYear.format(year);
            for (LeaModel lea : leas) {
                if (!lea.years().contains(year)) {
                    continue;
                }
                LeaYear ly = LeaYear.of(lea, year, growth);
                for (YearMart mart : marts) {
                    mart.lea(ly, partition, sink);
                }
            }
            for (YearMart mart : marts) {
                mart.endYear(year, partition, sink);
            }
        }
    }
}
