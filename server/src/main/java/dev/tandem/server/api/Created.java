package dev.tandem.server.api;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Body of a 201 answer to a create: {@code {"id":"…"}}, with a {@code Location} header naming the new row's URL.
 *
 * @param id the new row's id
 */
public record Created(UUID id) {

    /**
     * 201 Created for {@code id}, located at {@code pathTemplate} (one {@code {id}} placeholder, e.g.
     * {@code /api/operations/accounts/{id}}) under the server's own address.
     */
    public static ResponseEntity<Created> at(String pathTemplate, UUID id) {
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path(pathTemplate).buildAndExpand(id)
                .toUri();
        return ResponseEntity.created(location).body(new Created(id));
    }
}
