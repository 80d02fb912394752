package org.t1573.job;

import org.t1573.pattern.ParameterOverride;
import picocli.CommandLine;

/** Reads a {@code --set} value: {@code [PatternId.]Name=value}, {@code Name+=items} or {@code Name-=items}. */
final class SetOptionConverter implements CommandLine.ITypeConverter<ParameterOverride> {
    @Override
    public ParameterOverride convert(String value) {
        try {
            return ParameterOverride.parse(value);
        } catch (IllegalArgumentException e) {
            // A usage error of one line, as picocli reports its own, not a conversion stack.
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
