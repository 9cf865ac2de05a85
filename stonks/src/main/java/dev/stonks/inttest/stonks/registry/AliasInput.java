package dev.stonks.inttest.stonks.registry;

import dev.stonks.inttest.stonks.web.Bodies;

/** Body of {@code POST /api/registry/companies/{id}/aliases}. */
public record AliasInput(String alias) {

    public String validated() {
        return Bodies.text("alias", alias, 100);
    }
}
