package dev.stonks.inttest.stonks.registry;

import dev.stonks.inttest.stonks.web.ApiException;
import dev.stonks.inttest.stonks.web.Bodies;
import java.net.URI;
import java.util.List;

/** Body of {@code POST /api/registry/companies/{id}/sources}: kind, an absolute http(s) URL, active (default true). */
public record SourceInput(String kind, String url, Boolean active) {

    static final List<String> KINDS = List.of("rss", "sec_filing", "news_api", "earnings_call");

    public SourceInput validated() {
        Bodies.oneOf("kind", kind, KINDS);
        String u = Bodies.text("url", url, 2000);
        try {
            URI uri = URI.create(u);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an absolute http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("field 'url' must be an absolute http or https URL, got '"
                    + dev.stonks.inttest.stonks.web.Params.abbreviate(u) + "'");
        }
        return new SourceInput(kind, u, active == null ? Boolean.TRUE : active);
    }
}
