package io.tablewarden.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads an enum option value in any case and, on a typo, lists the values the way the help spells them
 * (lower case) rather than as Java constant names.
 */
abstract class LowerCaseEnumConverter<E extends Enum<E>> implements ITypeConverter<E> {

    private final Class<E> type;

    LowerCaseEnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public E convert(String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        String valid = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        throw new TypeConversionException("expected one of " + valid + " but was '" + value + "'");
    }

    /** For {@code scan --output-format}. */
    static final class OutputFormats extends LowerCaseEnumConverter<io.tablewarden.report.OutputFormat> {
        OutputFormats() {
            super(io.tablewarden.report.OutputFormat.class);
        }
    }

    /** For {@code checks --format}. */
    static final class CatalogueFormats extends LowerCaseEnumConverter<ChecksCommand.Format> {
        CatalogueFormats() {
            super(ChecksCommand.Format.class);
        }
    }
}
