package io.tablewarden.store;

import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.model.CollectionError;
import io.tablewarden.model.Fetch;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.AutoScalingInventory;
import io.tablewarden.model.inventory.BackupInventory;
import io.tablewarden.model.inventory.RegionInventory;
import io.tablewarden.model.inventory.TableInventory;
import io.tablewarden.store.codec.InventoryCodec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InventoryCodecTest {

    @Test
    void theDemoAccountInventoryRoundTrips() throws Exception {
        ScanOutcome outcome = StoreTestSupport.scanDemo(ScanListener.NONE);
        AccountInventory inventory = outcome.inventory();
        assertFalse(inventory.regions().isEmpty());
        String json = InventoryCodec.encode(inventory);
        assertEquals(inventory, InventoryCodec.decode(json));
        for (RegionInventory region : inventory.regions()) {
            assertEquals(region, InventoryCodec.decodeRegion(InventoryCodec.encodeRegion(region)));
        }
    }

    @Test
    void failedFetchesKeepTheirErrorAndNullValuesStayNull() {
        CollectionError denied = new CollectionError("dynamodb:GetResourcePolicy", "AccessDeniedException",
                "not authorized", CollectionError.Kind.ACCESS_DENIED);
        TableInventory table = new TableInventory("orders", "arn:aws:dynamodb:eu-west-1:111122223333:table/orders",
                Fetch.failed(new CollectionError("dynamodb:DescribeTable", "Timeout", null,
                        CollectionError.Kind.TIMEOUT)),
                Fetch.ok(null), Fetch.failed(denied), Fetch.ok(List.of()), null);
        RegionInventory region = new RegionInventory("eu-west-1", RegionInventory.RegionState.SCANNED, null,
                Fetch.ok(List.of(table)),
                new AutoScalingInventory(Fetch.failed(denied), Fetch.ok(List.of())),
                new BackupInventory(Fetch.ok(null), Fetch.ok(List.of()), Map.of("vault", Fetch.failed(denied))),
                Fetch.failed(denied), Map.of());

        String json = InventoryCodec.encodeRegion(region);
        RegionInventory back = InventoryCodec.decodeRegion(json);

        assertEquals(region, back);
        TableInventory decoded = back.tables().value().get(0);
        assertTrue(decoded.description().isFailed());
        assertTrue(decoded.continuousBackups().isOk());
        assertEquals(null, decoded.recoveryPoints());
        assertFalse(json.contains("\"ok\""), "convenience methods are not stored: " + json);
    }
}
