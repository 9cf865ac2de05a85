package dev.stonks.inttest.stonks.registry;

import dev.stonks.inttest.stonks.web.Bodies;

/** Body of {@code PATCH /api/registry/sources/{id}}: {@code {"active": true|false}}. */
public record SourcePatch(Boolean active) {

    public boolean validated() {
        return Bodies.required("active", active);
    }
}
