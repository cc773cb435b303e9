package io.tablewarden.simulator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a simulator from the command line until interrupted, so the AWS CLI or any SDK can be pointed at it:
 * {@code java -cp tablewarden.jar io.tablewarden.simulator.SimulatorMain <fixture.json | --demo> [port]}.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: SimulatorMain <fixture.json | --demo> [port]");
            System.exit(2);
            return;
        }
        int port = args.length == 2 ? Integer.parseInt(args[1]) : 0;
        AccountSimulator sim;
        try {
            sim = args[0].equals("--demo")
                    ? AccountSimulator.startDemo(SimulatorOptions.builder().port(port).shiftRecoveryPointsToNow(true).build())
                    : AccountSimulator.start(Path.of(args[0]), SimulatorOptions.builder().port(port).build());
        } catch (FixtureException e) {
            System.err.println("fixture refused: " + e.getMessage());
            System.exit(1);
            return;
        } catch (IOException e) {
            System.err.println("cannot start the simulator: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("requests served: " + sim.requestCounts());
            sim.close();
            stopped.countDown();
        }));
        System.out.println("account " + sim.accountId() + " served at " + sim.endpoint()
                + " (any credentials; use --endpoint-url " + sim.endpoint() + ")");
        stopped.await();
    }
}
