package io.tablewarden.engine.aws;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback HTTP server that records requests and answers every one with an empty DynamoDB JSON body. */
final class StubAwsServer implements AutoCloseable {

    private final HttpServer server;
    final List<String> targets = new CopyOnWriteArrayList<>();

    StubAwsServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            targets.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target")));
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"TableNames\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
