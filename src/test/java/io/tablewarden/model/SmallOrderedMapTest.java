package io.tablewarden.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmallOrderedMapTest {

    @Test
    void aResultsEvidenceKeepsItsOrderItsValuesAndEqualsTheMapItWasMadeFrom() {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("Zeta", "last letter first");
        source.put("Alpha", 1);
        source.put("Missing", null);
        source.put("List", List.of("a", "b"));
        Map<String, Object> copy = SmallOrderedMap.copyOf(source);

        assertEquals(List.of("Zeta", "Alpha", "Missing", "List"), new ArrayList<>(copy.keySet()));
        assertEquals(source, copy);
        assertEquals(copy, source);
        assertEquals(source.hashCode(), copy.hashCode());
        assertEquals(1, copy.get("Alpha"));
        assertTrue(copy.containsKey("Missing"));
        assertNull(copy.get("Missing"));
        assertFalse(copy.containsKey("Other"));
        assertEquals(source.toString(), copy.toString());
        assertThrows(UnsupportedOperationException.class, () -> copy.put("New", 2));
        assertThrows(UnsupportedOperationException.class, () -> copy.remove("Alpha"));
        assertThrows(UnsupportedOperationException.class, () -> copy.entrySet().iterator().next().setValue(3));

        source.put("Later", true);
        assertEquals(4, copy.size(), "a copy, not a view");
    }

    @Test
    void largeAndEmptyMapsAreCopiedAsWell() {
        Map<String, Object> large = new LinkedHashMap<>();
        for (int i = SmallOrderedMap.MAX_SIZE + 5; i > 0; i--) {
            large.put("k" + i, i);
        }
        Map<String, Object> copy = SmallOrderedMap.copyOf(large);
        assertEquals(new ArrayList<>(large.keySet()), new ArrayList<>(copy.keySet()));
        assertEquals(large, copy);
        assertThrows(UnsupportedOperationException.class, () -> copy.put("New", 2));
        assertTrue(SmallOrderedMap.copyOf(Map.of()).isEmpty());
    }

    @Test
    void aCheckResultCopiesItsEvidenceInOrder() {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("B", 2);
        evidence.put("A", 1);
        CheckResult r = new CheckResult("c", new ResourceRef("arn:aws:dynamodb:eu-west-1:1:table/t", "t",
                ResourceType.TABLE, "eu-west-1", "1"), Status.PASS, Severity.LOW, "t is fine", evidence, Map.of());
        evidence.put("C", 3);
        assertEquals(List.of("B", "A"), new ArrayList<>(r.evidence().keySet()));
    }
}
