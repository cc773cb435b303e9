package io.tablewarden.simulator;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** The JDK HTTP server on the loopback address, as every simulator starts it. */
final class LoopbackServers {

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, the second write waits for
        // the client's delayed ACK (about 40 ms per call on Linux). The server reads this flag once, when the first
        // server of the JVM starts, so an explicit setting by the application is left alone.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private LoopbackServers() {
    }

    /** A server on 127.0.0.1 (or ::1) at {@code port} (0: any free port) that sends each write at once. */
    static HttpServer create(int port, int backlog) throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
    }
}
