package dev.stonks.inttest.stonks.query.documents;

import dev.stonks.inttest.stonks.storage.ObjectStorage;
import dev.stonks.inttest.stonks.web.ApiException;
import dev.stonks.inttest.stonks.web.Params;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;

/** query-api: documents and their texts. */
@Path("/api/documents")
public class DocumentResource {

    static final String TEXT_MEDIA_TYPE = "text/plain; charset=utf-8";

    private final DocumentRepository documents;
    private final ObjectStorage storage;

    public DocumentResource(DocumentRepository documents, ObjectStorage storage) {
        this.documents = documents;
        this.storage = storage;
    }

    /** Metadata and intelligence records of one document. */
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<DocumentDetail> get(@RestPath String id) {
        UUID documentId = Params.uuid("id", id);
        return documents.detail(documentId).map(found -> found.orElseThrow(() -> notFound(documentId)));
    }

    /**
     * The normalized text, read from the object store; {@code ETag} is its sha256 as recorded in the database.
     * 404 when the document or its object does not exist, 503 when the store cannot be reached.
     */
    @GET
    @Path("{id}/text")
    @Produces({TEXT_MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Uni<Response> text(@RestPath String id) {
        UUID documentId = Params.uuid("id", id);
        return documents.textLocation(documentId)
                .map(found -> found.orElseThrow(() -> notFound(documentId)))
                .flatMap(location -> storage.get(location.objectKey())
                        .onFailure(ObjectStorage.ObjectStoreUnavailableException.class)
                        .transform(e -> ApiException.unavailable(e.getMessage(), e))
                        .map(bytes -> bytes.orElseThrow(() -> ApiException.notFound("the text of document "
                                + documentId + " is missing from the object store (key " + location.objectKey()
                                + ")")))
                        .map(bytes -> Response.ok(bytes, TEXT_MEDIA_TYPE)
                                .header("ETag", "\"" + location.sha256() + "\"")
                                .build()));
    }

    static ApiException notFound(UUID id) {
        return ApiException.notFound("document " + id + " does not exist");
    }
}
