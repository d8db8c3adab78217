package org.sea.pli.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.sea.pli.generate.InboxGenerator;
import org.sea.pli.generate.Scale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Typed option values. Each message completes "{@code --option} …" into the one line a usage error
 * prints (spec §7), e.g. {@code --as-of must be a date YYYY-MM-DD, got '2026-02-30'}.
 */
final class OptionTypes {

    private OptionTypes() {}

    /** An ISO date: an as-of date of §1.1. */
    static final class IsoDate implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("must be a date YYYY-MM-DD, got '" + text + "'");
            }
        }
    }

    /** A whole number, such as a generator seed. */
    static final class WholeNumber implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("must be a whole number");
            }
        }
    }

    /** How many school years generate writes: 1 to {@link InboxGenerator#MAX_YEARS}. */
    static final class SchoolYearCount implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            int years;
            try {
                years = Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                years = 0;
            }
            if (years < 1 || years > InboxGenerator.MAX_YEARS) {
                throw new TypeConversionException("must be a number of school years from 1 to "
                        + InboxGenerator.MAX_YEARS + ", got '" + text + "'");
            }
            return years;
        }
    }

    /** A generator scale (§7), in any case. */
    static final class ScaleName implements ITypeConverter<Scale> {
        @Override
        public Scale convert(String text) {
            try {
                return Scale.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("must be small, district or state, got '" + text + "'");
            }
        }
    }
}
