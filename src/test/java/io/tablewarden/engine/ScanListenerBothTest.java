package io.tablewarden.engine;

import io.tablewarden.model.RawResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ScanListenerBothTest {

    private final List<String> events = new ArrayList<>();

    private ScanListener named(String name) {
        return new ScanListener() {
            @Override
            public void scanStarted(String accountId, List<String> regions) {
                events.add(name + ":scan");
            }

            @Override
            public void regionStarted(String region) {
                events.add(name + ":start " + region);
            }

            @Override
            public void regionProgress(String region, int done, int total, String activity) {
                events.add(name + ":progress " + done + "/" + total);
            }

            @Override
            public void rawResponse(RawResponse response) {
                events.add(name + ":raw " + response.action());
            }

            @Override
            public void resultsReady(String region, List<io.tablewarden.model.CheckResult> results) {
                events.add(name + ":results " + region);
            }
        };
    }

    @Test
    void everyEventReachesFirstThenSecond() {
        ScanListener both = ScanListener.both(named("store"), named("page"));
        both.scanStarted("111122223333", List.of("eu-west-1"));
        both.regionStarted("eu-west-1");
        both.regionProgress("eu-west-1", 1, 2, "DescribeTable");
        both.rawResponse(new RawResponse("eu-west-1", "dynamodb:DescribeTable", null, "{}", "{}"));
        both.resultsReady("eu-west-1", List.of());
        assertEquals(List.of("store:scan", "page:scan", "store:start eu-west-1", "page:start eu-west-1",
                "store:progress 1/2", "page:progress 1/2", "store:raw dynamodb:DescribeTable",
                "page:raw dynamodb:DescribeTable", "store:results eu-west-1", "page:results eu-west-1"), events);
    }

    @Test
    void aMissingSideIsLeftOut() {
        ScanListener page = named("page");
        assertSame(page, ScanListener.both(null, page));
        assertSame(page, ScanListener.both(page, null));
        assertSame(ScanListener.NONE, ScanListener.both(null, null));
    }
}
