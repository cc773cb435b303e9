package io.tablewarden.engine.collect;

import com.sun.net.httpserver.HttpServer;
import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.aws.AwsClientFactory;
import io.tablewarden.engine.aws.CallMetrics;
import io.tablewarden.engine.aws.ClientTuning;
import io.tablewarden.model.CollectionError;
import io.tablewarden.model.Fetch;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StsCollectorTest {

    private static final String IDENTITY = "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
            + "<GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/auditor</Arn><UserId>AIDAEXAMPLE</UserId>"
            + "<Account>123456789012</Account></GetCallerIdentityResult>"
            + "<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></GetCallerIdentityResponse>";

    private static final String NOT_ENABLED = "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
            + "<Error><Type>Sender</Type><Code>InvalidClientTokenId</Code>"
            + "<Message>The security token included in the request is invalid.</Message></Error>"
            + "<RequestId>2</RequestId></ErrorResponse>";

    @Test
    void anEndpointThatNeverAnswersCostsOnlyTheNetworkAttempts() throws Exception {
        // Accepts every connection but never reads or replies; each attempt of the SDK opens a new connection
        // once the previous one timed out, so the accepted connections count the attempts.
        ClientTuning tuning = ClientTuning.of(4, Duration.ofMillis(300), 20);
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "silent-endpoint");
            acceptor.setDaemon(true);
            acceptor.start();
            URI endpoint = URI.create("http://127.0.0.1:" + silent.getLocalPort());
            Fetch<StsCollector.CallerIdentity> who;
            try (AwsClientFactory clients = new AwsClientFactory(ConnectionSettings.forSimulator(endpoint),
                    tuning, new CallMetrics())) {
                who = new StsCollector(clients, new CallGate(4, new CancellationToken())).identify();
            }
            assertTrue(who.isFailed());
            assertEquals(CollectionError.Kind.TIMEOUT, who.error().kind(), who.error().toString());
            // A silent endpoint gets the few network attempts, not the twenty attempts throttling would get.
            assertTrue(tuning.networkAttempts() < 20, "tuning " + tuning);
            assertTrue(held.size() >= 1 && held.size() <= tuning.networkAttempts(),
                    held.size() + " attempts, " + tuning.networkAttempts() + " allowed");
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void aDisabledDefaultRegionFallsBackToThePartitionsFirstRegion() throws Exception {
        List<String> scopes = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            boolean disabled = auth.contains("/me-south-1/");
            scopes.add(disabled ? "me-south-1" : auth.contains("/us-east-1/") ? "us-east-1" : auth);
            byte[] body = (disabled ? NOT_ENABLED : IDENTITY).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(disabled ? 403 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            Fetch<StsCollector.CallerIdentity> who;
            try (AwsClientFactory clients = new AwsClientFactory(
                    ConnectionSettings.forSimulator(endpoint, "me-south-1"),
                    ClientTuning.of(4, Duration.ofSeconds(5), 2), new CallMetrics())) {
                who = new StsCollector(clients, new CallGate(4, new CancellationToken())).identify();
            }
            assertTrue(who.isOk(), () -> who.error().toString());
            assertEquals("123456789012", who.value().accountId());
            assertEquals(List.of("me-south-1", "us-east-1"), scopes);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void partitionOfARegionName() {
        assertEquals("aws-cn", StsCollector.partitionOfRegion("cn-northwest-1"));
        assertEquals("aws-us-gov", StsCollector.partitionOfRegion("us-gov-east-1"));
        assertEquals("aws", StsCollector.partitionOfRegion("me-south-1"));
    }

    @Test
    void whenToAskTheHomeRegionAgain() {
        CollectionError notEnabled = new CollectionError("sts:GetCallerIdentity", "InvalidClientTokenId", "x",
                CollectionError.Kind.INVALID_CREDENTIALS);
        CollectionError noSuchHost = new CollectionError("sts:GetCallerIdentity", "UnknownEndpoint",
                "UnknownHostException: sts.xx-nowhere-9.amazonaws.com", CollectionError.Kind.OTHER);
        CollectionError denied = new CollectionError("sts:GetCallerIdentity", "AccessDenied", "x",
                CollectionError.Kind.ACCESS_DENIED);
        assertTrue(StsCollector.askHomeRegion(notEnabled, "me-south-1", "us-east-1", false));
        assertTrue(StsCollector.askHomeRegion(noSuchHost, "xx-nowhere-9", "us-east-1", false));
        // With one endpoint for everything, another region reaches the same unknown host.
        assertFalse(StsCollector.askHomeRegion(noSuchHost, "xx-nowhere-9", "us-east-1", true));
        assertFalse(StsCollector.askHomeRegion(notEnabled, "us-east-1", "us-east-1", false));
        assertFalse(StsCollector.askHomeRegion(denied, "eu-west-1", "us-east-1", false));
    }
}
