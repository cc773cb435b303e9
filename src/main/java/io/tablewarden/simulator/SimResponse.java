package io.tablewarden.simulator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What goes back on the wire: status, content type, extra headers and body. */
final class SimResponse {

    final int status;
    final String contentType;
    final Map<String, String> headers = new LinkedHashMap<>();
    final byte[] body;

    SimResponse(int status, String contentType, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    SimResponse(int status, String contentType, String body) {
        this(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    SimResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
