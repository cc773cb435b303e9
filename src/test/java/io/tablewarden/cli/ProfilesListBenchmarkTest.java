package io.tablewarden.cli;

import io.tablewarden.profiles.ProfileEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code profiles list} over 10,000 to 100,000 profiles (half of them roles on a source profile, every profile in
 * both files): reports the CPU time of the command per size and checks that the cost per profile stays flat, which
 * a quadratic step would break by a factor of ten. Run with {@code mvn -o -q -B test -Pbenchmark
 * -Dtest=ProfilesListBenchmarkTest}; CPU time, not wall time, so a busy machine does not skew it.
 */
@Tag("benchmark")
class ProfilesListBenchmarkTest {

    @TempDir
    Path home;

    @Test
    void costPerProfileStaysFlatUpTo100000Profiles() throws Exception {
        run(2_000); // warm-up: class loading and the JIT
        double small = run(10_000);
        double large = run(100_000);
        System.out.printf("profiles list: %.1f us/profile at 10,000, %.1f us/profile at 100,000 (ratio %.2f)%n",
                small, large, large / small);
        assertTrue(large / small < 4, "cost per profile grew " + large / small + " times from 10k to 100k");
    }

    /** CPU microseconds per profile for one {@code profiles list --format json} over {@code n} profiles. */
    private double run(int n) throws Exception {
        StringBuilder config = new StringBuilder();
        StringBuilder credentials = new StringBuilder();
        for (int i = 0; i < n; i++) {
            config.append("[profile p").append(i).append("]\nregion = eu-west-1\n");
            if (i % 2 == 0) {
                config.append("role_arn = arn:aws:iam::123456789012:role/Audit\nsource_profile = p").append(i + 1)
                        .append('\n');
            }
            credentials.append("[p").append(i).append("]\naws_access_key_id = AKIAEXAMPLE").append(i)
                    .append("\naws_secret_access_key = example-secret\n");
        }
        Path aws = Files.createDirectories(home.resolve(".aws"));
        Files.writeString(aws.resolve("config"), config);
        Files.writeString(aws.resolve("credentials"), credentials);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false,
                CliContext::availableChecks, null, null, Interrupts.none(), Clock.systemUTC(), System::nanoTime, false);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        int code = Cli.commandLine(ctx, () -> new ProfileEnvironment(Map.of(), home))
                .execute("profiles", "list", "--format", "json");
        long cpu = threads.getCurrentThreadCpuTime() - start;
        assertEquals(0, code);
        assertTrue(out.size() > n * 20, "every profile is listed");
        System.out.printf("profiles list: %,d profiles in %,d ms CPU%n", n, cpu / 1_000_000);
        return cpu / 1000.0 / n;
    }
}
