package io.tablewarden.ui.help;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The About box's licence list covers every library the program ships with. */
class BundledLibrariesTest {

    @Test
    void everyDependencyOutsideTheTestScopeIsListed() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        Element project = pom.getDocumentElement();
        Element dependencies = null;
        NodeList candidates = project.getElementsByTagName("dependencies");
        for (int i = 0; i < candidates.getLength(); i++) {
            if (candidates.item(i).getParentNode() == project) {
                dependencies = (Element) candidates.item(i);
            }
        }
        NodeList list = dependencies.getElementsByTagName("dependency");
        List<String> shipped = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            Element dependency = (Element) list.item(i);
            if (dependency.getParentNode() != dependencies) {
                continue;
            }
            NodeList scope = dependency.getElementsByTagName("scope");
            if (scope.getLength() > 0 && scope.item(0).getTextContent().trim().equals("test")) {
                continue;
            }
            shipped.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId"));
        }
        assertTrue(shipped.size() > 10, "the pom's dependencies were found: " + shipped);
        List<String> missing = shipped.stream()
                .filter(a -> BundledLibraries.all().stream().noneMatch(l -> l.covers(a))).toList();
        assertEquals(List.of(), missing, "add these to libraries.tsv with their licence");
    }

    @Test
    void coordinatesMatchAnArtifactOrAWholeGroup() {
        BundledLibraries.Library group = new BundledLibraries.Library("org.openjfx:*", "OpenJFX", "GPL");
        assertTrue(group.covers("org.openjfx:javafx-controls"));
        assertFalse(group.covers("org.openjfx.extra:thing"));
        BundledLibraries.Library one = new BundledLibraries.Library("org.yaml:snakeyaml", "SnakeYAML", "Apache-2.0");
        assertTrue(one.covers("org.yaml:snakeyaml"));
        assertFalse(one.covers("org.yaml:snakeyaml-engine"));
    }

    @Test
    void aLineWithoutItsLicenceIsRefused() {
        assertThrows(IllegalStateException.class, () -> BundledLibraries.parse(List.of("org.yaml:snakeyaml\tSnakeYAML")));
        assertEquals(1, BundledLibraries.parse(List.of("# comment", "", "a:b\tName\tMIT")).size());
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent().trim();
    }
}
