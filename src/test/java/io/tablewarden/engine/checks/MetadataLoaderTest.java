package io.tablewarden.engine.checks;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetadataLoaderTest {

    private static final String VALID = "{\"id\":\"x\",\"title\":\"t\",\"shortLabel\":\"X\",\"severity\":\"low\","
            + "\"resourceType\":\"TABLE\",\"description\":\"d\",\"risk\":\"r\",\"securityHubControl\":null,"
            + "\"categories\":[\"a\"],\"links\":[],"
            + "\"remediation\":{\"summary\":\"s\",\"cli\":\"c\",\"cloudFormation\":\"f\",\"terraform\":\"h\","
            + "\"console\":[\"one\"],\"inPlace\":false}}";

    @Test
    void parsesEveryField() throws Exception {
        var metadata = MetadataLoader.parse(new ObjectMapper().readTree(VALID), "test");
        assertEquals("x", metadata.id());
        assertEquals("X", metadata.shortLabel());
        assertEquals(io.tablewarden.model.Severity.LOW, metadata.severity());
        assertEquals(java.util.List.of("one"), metadata.remediation().console());
        assertEquals(false, metadata.remediation().inPlace());
    }

    /** Without a short label a new check would get a column header nobody chose. */
    @Test
    void requiresAShortLabel() throws Exception {
        var tree = new ObjectMapper().readTree(VALID.replace("\"shortLabel\":\"X\",", ""));
        var e = assertThrows(IllegalStateException.class, () -> MetadataLoader.parse(tree, "test"));
        assertTrue(e.getMessage().contains("missing field shortLabel"), e.getMessage());
    }

    @Test
    void rejectsUnknownTopLevelField() throws Exception {
        var tree = new ObjectMapper().readTree(VALID.replace("\"risk\"", "\"rsik\""));
        var e = assertThrows(IllegalStateException.class, () -> MetadataLoader.parse(tree, "test"));
        assertTrue(e.getMessage().contains("rsik"), e.getMessage());
    }

    @Test
    void rejectsUnknownRemediationField() throws Exception {
        var tree = new ObjectMapper().readTree(VALID.replace("\"cloudFormation\"", "\"cloudformation\""));
        var e = assertThrows(IllegalStateException.class, () -> MetadataLoader.parse(tree, "test"));
        assertTrue(e.getMessage().contains("remediation.cloudformation"), e.getMessage());
    }
}
