package dev.stonks.inttest.stonks.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response.Status;

/** The last route: anything no endpoint answered is a 404 problem, not Vert.x's plain-text page. */
@ApplicationScoped
public class NotFoundRoute {

    private final ObjectMapper mapper;

    public NotFoundRoute(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().last().handler(ctx -> {
            if (ctx.response().ended()) {
                return;
            }
            String body;
            try {
                body = mapper.writeValueAsString(Problem.of(Status.NOT_FOUND,
                        "no resource at " + ctx.request().method() + " " + ctx.request().path()));
            } catch (Exception e) {
                body = "{\"status\":404,\"title\":\"Not Found\",\"detail\":\"no resource\"}";
            }
            ctx.response().setStatusCode(404).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
        });
    }
}
