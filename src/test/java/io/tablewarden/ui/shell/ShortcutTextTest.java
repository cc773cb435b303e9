package io.tablewarden.ui.shell;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shortcut text shown to people comes from the key combinations, so a Mac shows ⌘ rather than "Ctrl+". */
class ShortcutTextTest {

    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    @Test
    void noStringInTheWorkbenchSpellsOutAModifierKey() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/tablewarden/ui"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).trim();
                    if (line.startsWith("*") || line.startsWith("/*") || line.startsWith("//")) {
                        continue;
                    }
                    Matcher literal = STRING_LITERAL.matcher(line);
                    while (literal.find()) {
                        if (literal.group().matches("(?s).*\\b(Ctrl|Cmd|Shift|Alt)\\+.*")) {
                            found.add(file.getFileName() + ":" + (i + 1) + " " + literal.group());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found, "use Keys and KeyCombination.getDisplayText()");
    }

    @Test
    void hintsAndClicksUseThePlatformsText() {
        assertEquals("Scan (" + Keys.SCAN.getDisplayText() + " or F5)", Keys.hint("Scan", Keys.SCAN, Keys.SCAN_AGAIN));
        assertTrue(Keys.shortcutClick().endsWith("click"));
        assertTrue(Keys.SCAN.getDisplayText().startsWith(Keys.shortcutClick().replace("click", "")));
    }
}
