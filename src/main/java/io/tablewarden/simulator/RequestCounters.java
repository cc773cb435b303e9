package io.tablewarden.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Request counts for tests and benchmarks: total and per operation ({@code dynamodb:DescribeTable}). */
final class RequestCounters {

    private final LongAdder total = new LongAdder();
    private final Map<String, LongAdder> perOperation = new ConcurrentHashMap<>();

    void record(String operationKey) {
        total.increment();
        perOperation.computeIfAbsent(operationKey, k -> new LongAdder()).increment();
    }

    long total() {
        return total.sum();
    }

    long count(String operationKey) {
        LongAdder a = perOperation.get(operationKey);
        return a == null ? 0 : a.sum();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        perOperation.forEach((k, v) -> {
            long n = v.sum();
            if (n > 0) {
                out.put(k, n);
            }
        });
        return out;
    }

    void reset() {
        total.reset();
        perOperation.values().forEach(LongAdder::reset);
    }
}
