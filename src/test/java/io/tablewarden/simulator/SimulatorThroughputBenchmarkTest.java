package io.tablewarden.simulator;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Throughput of the simulator: the server alone over raw keep-alive sockets, then end to end through N threads
 * sharing one SDK DynamoDB client; each prints requests/s and p50/p99 latency. Ordinary test runs exclude the
 * {@code benchmark} tag. Where the POM has the {@code benchmark} profile:
 * {@code mvn -o test -Pbenchmark -Dtest='SimulatorThroughput*'}; otherwise through {@link #main} on the test
 * classpath:
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.tablewarden.simulator.SimulatorThroughputBenchmarkTest
 * </pre>
 * {@code -Dbench.threads} and {@code -Dbench.requests} change the load.
 */
@Tag("benchmark")
class SimulatorThroughputBenchmarkTest {

    private static final int THREADS = Integer.getInteger("bench.threads", 16);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 20_000);
    private static final int WARMUP = 3_000;
    private static final List<String> TABLES = List.of("alpha", "beta", "gamma", "delta", "epsilon", "orders");

    public static void main(String[] args) throws Exception {
        new SimulatorThroughputBenchmarkTest().rawHttpThroughput();
        new SimulatorThroughputBenchmarkTest().describeTableThroughput();
    }

    @Test
    void describeTableThroughput() throws Exception {
        try (AccountSimulator sim = SimulatorTestSupport.start(SimulatorOptions.builder().build());
             DynamoDbClient ddb = SimulatorTestSupport.client(
                     DynamoDbClient.builder().httpClient(SimulatorTestSupport.httpClient()), sim, "us-east-1")) {
            run(ddb, WARMUP, new long[WARMUP]);
            sim.resetCounters();

            long[] latencies = new long[REQUESTS];
            long start = System.nanoTime();
            run(ddb, REQUESTS, latencies);
            double seconds = (System.nanoTime() - start) / 1e9;

            assertEquals(REQUESTS, sim.requestCount("dynamodb:DescribeTable"));
            report("AWS SDK DynamoDbClient", seconds, latencies);
        }
    }

    /**
     * The server alone: keep-alive sockets replay one pre-signed DescribeTable request, so the client costs almost
     * nothing and the figure shows what the simulator itself sustains.
     */
    @Test
    void rawHttpThroughput() throws Exception {
        try (AccountSimulator sim = SimulatorTestSupport.start(SimulatorOptions.builder().build())) {
            rawRun(sim, WARMUP, new long[WARMUP]);
            sim.resetCounters();
            long[] latencies = new long[REQUESTS];
            long start = System.nanoTime();
            rawRun(sim, REQUESTS, latencies);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(REQUESTS, sim.requestCount("dynamodb:DescribeTable"));
            report("raw HTTP", seconds, latencies);
        }
    }

    private static void report(String what, double seconds, long[] latencies) {
        Arrays.sort(latencies);
        System.out.printf("simulator benchmark (%s): %d requests, %d threads, %.0f req/s, p50 %.2f ms, p99 %.2f ms%n",
                what, REQUESTS, THREADS, latencies.length / seconds,
                latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6);
    }

    private static void rawRun(AccountSimulator sim, int total, long[] latencies) throws Exception {
        String body = "{\"TableName\":\"orders\"}";
        byte[] request = ("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: AWS4-HMAC-SHA256 Credential=AKIDBENCH/20261122/us-east-1/dynamodb/aws4_request, "
                + "SignedHeaders=host, Signature=00\r\n"
                + "X-Amz-Target: DynamoDB_20120810.DescribeTable\r\nContent-Type: application/x-amz-json-1.0\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            Future<?>[] workers = new Future<?>[THREADS];
            for (int t = 0; t < THREADS; t++) {
                workers[t] = pool.submit(() -> {
                    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sim.port())) {
                        socket.setTcpNoDelay(true);
                        OutputStream out = socket.getOutputStream();
                        DataInputStream in = new DataInputStream(
                                new BufferedInputStream(socket.getInputStream()));
                        for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                            long t0 = System.nanoTime();
                            out.write(request);
                            out.flush();
                            readResponse(in);
                            latencies[i] = System.nanoTime() - t0;
                        }
                    }
                    return null;
                });
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads one HTTP response (status line, headers, Content-Length body) and checks it is a 200. */
    private static void readResponse(DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int length = -1;
        boolean first = true;
        while (true) {
            line.setLength(0);
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new EOFException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            if (first) {
                if (!line.toString().startsWith("HTTP/1.1 200")) {
                    throw new IllegalStateException("unexpected answer " + line);
                }
                first = false;
            } else if (line.length() == 0) {
                break;
            } else if (line.toString().toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readFully(new byte[length]);
    }

    private static void run(DynamoDbClient ddb, int total, long[] latencies) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            Future<?>[] workers = new Future<?>[THREADS];
            for (int t = 0; t < THREADS; t++) {
                workers[t] = pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        String table = TABLES.get(i % TABLES.size());
                        long t0 = System.nanoTime();
                        ddb.describeTable(b -> b.tableName(table));
                        latencies[i] = System.nanoTime() - t0;
                    }
                    return null;
                });
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
