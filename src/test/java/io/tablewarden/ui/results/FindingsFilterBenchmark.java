package io.tablewarden.ui.results;

import io.tablewarden.model.Status;
import io.tablewarden.store.StoredResult;
import io.tablewarden.ui.model.ScanSnapshot;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The findings table's filter over 150,000 results in a fresh JVM, as the workbench meets it: the scan is loaded
 * and sorted by name, then the search is typed one character at a time, then a status and a region are ticked and
 * the filters cleared. Each step's time (filter and sort of the whole list) is printed, with the median and the
 * worst of the typed keystrokes; nothing is asserted on time. The JVM's flags are the caller's, so the same
 * figures can be taken with the product's launcher flags:
 * {@code java <flags> -cp target/test-classes:target/classes:<dependencies> io.tablewarden.ui.results.FindingsFilterBenchmark},
 * or {@code mvn -B test -Pbenchmark -Dtest=FindingsFilterBenchmark}.
 */
@Tag("benchmark")
class FindingsFilterBenchmark {

    private static final int RESULTS = 150_000;

    @Test
    void filters150000Results() {
        List<Double> typed = run();
        assertEquals("table-3712".length(), typed.size());
    }

    public static void main(String[] args) {
        run();
    }

    private static List<Double> run() {
        ScanSnapshot scan = TestSnapshots.large(RESULTS);
        FindingsViewModel vm = new FindingsViewModel();
        long start = System.nanoTime();
        vm.snapshotProperty().set(scan);
        vm.comparatorProperty().set(Comparator.comparing((StoredResult r) -> r.result().resource().name()));
        print("load and sort " + RESULTS + " results", start, vm);

        List<Double> typed = new ArrayList<>();
        String search = "table-3712";
        for (int i = 1; i <= search.length(); i++) {
            long t = System.nanoTime();
            vm.searchTextProperty().set(search.substring(0, i));
            typed.add(print("search \"" + search.substring(0, i) + "\"", t, vm));
        }
        for (int i = search.length() - 1; i >= 0; i--) {
            long t = System.nanoTime();
            vm.searchTextProperty().set(search.substring(0, i));
            typed.add(print("search \"" + search.substring(0, i) + "\"", t, vm));
        }
        long t = System.nanoTime();
        vm.statuses().add(Status.FAIL);
        print("status Fail", t, vm);
        t = System.nanoTime();
        vm.regions().add("region-3");
        print("region region-3", t, vm);
        t = System.nanoTime();
        vm.clearFilters();
        print("clear filters", t, vm);

        List<Double> order = new ArrayList<>(typed);
        Collections.sort(order);
        System.out.printf(Locale.ROOT, "keystrokes: %d, median %.1f ms, worst %.1f ms (JIT: %s)%n", order.size(),
                order.get(order.size() / 2), order.get(order.size() - 1), jitFlags());
        return typed.subList(0, search.length());
    }

    private static double print(String step, long startNanos, FindingsViewModel vm) {
        double ms = (System.nanoTime() - startNanos) / 1e6;
        System.out.printf(Locale.ROOT, "%-40s %8.1f ms  %7d rows%n", step, ms, vm.visibleCountProperty().get());
        return ms;
    }

    private static String jitFlags() {
        List<String> flags = new ArrayList<>();
        for (String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-XX:TieredStopAtLevel") || arg.startsWith("-XX:CICompilerCount")
                    || arg.startsWith("-Xshare") || arg.startsWith("-XX:SharedArchiveFile")) {
                flags.add(arg);
            }
        }
        return flags.isEmpty() ? "default" : String.join(" ", flags);
    }
}
