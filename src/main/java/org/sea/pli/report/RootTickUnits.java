package org.sea.pli.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;

/**
 * JFreeChart's automatic tick units with their labels in {@link Locale#ROOT}. The library's own
 * source builds its label formats with the JVM's default locale, so an axis drawn under ar_EG read
 * {@code ٠٫٤} where one under C read {@code 0.4}, and the report's bytes followed the machine. The
 * sizes are the library's (1, 2 or 5 times a power of ten); the label patterns are the ones it
 * picks for each power.
 */
final class RootTickUnits implements TickUnitSource {

    private static final DecimalFormatSymbols ROOT = DecimalFormatSymbols.getInstance(Locale.ROOT);

    private final NumberTickUnitSource units = new NumberTickUnitSource();

    @Override
    public TickUnit getLargerTickUnit(TickUnit unit) {
        return root(units.getLargerTickUnit(unit));
    }

    @Override
    public TickUnit getCeilingTickUnit(TickUnit unit) {
        return root(units.getCeilingTickUnit(unit));
    }

    @Override
    public TickUnit getCeilingTickUnit(double size) {
        return root(units.getCeilingTickUnit(size));
    }

    private static TickUnit root(TickUnit unit) {
        double size = unit.getSize();
        // the unit is 1, 2 or 5 × 10^power; the small term absorbs log10's rounding at exact powers
        int power = (int) Math.floor(Math.log10(size) + 1e-9);
        return new NumberTickUnit(size, new DecimalFormat(pattern(power), ROOT), unit.getMinorTickCount());
    }

    /** The label pattern JFreeChart's {@link NumberTickUnitSource} uses for ticks 10^power apart. */
    static String pattern(int power) {
        return switch (power) {
            case -4 -> "0.0000";
            case -3 -> "0.000";
            case -2 -> "0.00";
            case -1 -> "0.0";
            default -> power >= 0 && power <= 6 ? "#,##0" : "#.######E0";
        };
    }
}
