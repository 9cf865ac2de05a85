package dev.stonks.inttest.stonks.config;

import org.eclipse.microprofile.config.spi.Converter;

/** Reads {@code stonks.role} ({@code query-api}, {@code QUERY_API} and {@code query_api} all work). */
public class RoleConverter implements Converter<Role> {

    @Override
    public Role convert(String value) {
        return value == null || value.isBlank() ? null : Role.fromValue(value);
    }
}
