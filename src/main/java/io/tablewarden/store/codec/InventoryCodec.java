package io.tablewarden.store.codec;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.RegionInventory;

/**
 * Writes the typed inventory of a region as JSON and reads it back unchanged, failed {@code Fetch}es included:
 * a stored scan re-evaluated offline must see exactly the errors the live scan saw, or an ERROR would turn
 * into a PASS. A {@code Fetch} is stored as {@code {"value": ..., "error": {...}}}; its generic type comes
 * from the record component that holds it, so no type tags are needed in the JSON.
 */
public final class InventoryCodec {

    private InventoryCodec() {
    }

    /** One region's inventory as JSON. */
    public static String encodeRegion(RegionInventory region) {
        return StoreJson.write(region);
    }

    /** Reads what {@link #encodeRegion} wrote. */
    public static RegionInventory decodeRegion(String json) {
        return StoreJson.read(json, new TypeReference<RegionInventory>() { });
    }

    /** A whole account inventory as JSON (used by tests and exports; the store keeps regions apart). */
    public static String encode(AccountInventory inventory) {
        return StoreJson.write(inventory);
    }

    /** Reads what {@link #encode} wrote. */
    public static AccountInventory decode(String json) {
        return StoreJson.read(json, new TypeReference<AccountInventory>() { });
    }
}
