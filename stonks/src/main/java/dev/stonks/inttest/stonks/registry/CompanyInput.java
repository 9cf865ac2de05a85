package dev.stonks.inttest.stonks.registry;

import dev.stonks.inttest.stonks.web.Bodies;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Body of {@code POST /api/registry/companies} and {@code PUT /api/registry/companies/{id}}. {@link #validated()}
 * answers 400 naming the field for anything the schema would reject.
 */
public record CompanyInput(String ticker, String name, String sector, String exchange, List<String> aliases) {

    static final Pattern TICKER = Pattern.compile("[A-Z][A-Z0-9.\\-]{0,9}");

    public CompanyInput validated() {
        String t = Bodies.matching("ticker", ticker, TICKER,
                "1 to 10 upper-case letters, digits, '.' or '-', starting with a letter");
        List<String> checkedAliases = aliases == null ? List.of() : aliases.stream()
                .map(a -> Bodies.text("aliases[]", a, 100)).toList();
        if (checkedAliases.size() > 20) {
            throw dev.stonks.inttest.stonks.web.ApiException.badRequest("field 'aliases' may hold at most 20 "
                    + "aliases, got " + checkedAliases.size());
        }
        if (checkedAliases.stream().map(a -> a.toLowerCase(java.util.Locale.ROOT)).distinct().count()
                < checkedAliases.size()) {
            throw dev.stonks.inttest.stonks.web.ApiException.badRequest("field 'aliases' repeats an alias");
        }
        return new CompanyInput(t, Bodies.text("name", name, 200), Bodies.text("sector", sector, 100),
                Bodies.text("exchange", exchange, 20), checkedAliases);
    }
}
