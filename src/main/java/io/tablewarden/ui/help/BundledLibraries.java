package io.tablewarden.ui.help;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The libraries the program bundles and their licences, read from {@code libraries.tsv} next to this class. */
public final class BundledLibraries {

    /**
     * One bundled library.
     *
     * @param coordinates Maven {@code group:artifact}, or {@code group:*} for every artifact of a group
     * @param name        the library's name
     * @param licence     its licence, as an SPDX-style name
     */
    public record Library(String coordinates, String name, String licence) {

        /** Whether this entry covers the artifact {@code group:artifact}. */
        public boolean covers(String groupAndArtifact) {
            if (coordinates.endsWith(":*")) {
                return groupAndArtifact.startsWith(coordinates.substring(0, coordinates.length() - 1));
            }
            return coordinates.equals(groupAndArtifact);
        }
    }

    private static final List<Library> ALL = load();

    private BundledLibraries() {
    }

    /** Every bundled library, in the file's order. */
    public static List<Library> all() {
        return ALL;
    }

    static List<Library> parse(List<String> lines) {
        List<Library> libraries = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            if (parts.length != 3) {
                throw new IllegalStateException("libraries.tsv: expected coordinates, name and licence: " + line);
            }
            libraries.add(new Library(parts[0].trim(), parts[1].trim(), parts[2].trim()));
        }
        return List.copyOf(libraries);
    }

    private static List<Library> load() {
        try (InputStream in = BundledLibraries.class.getResourceAsStream("libraries.tsv")) {
            if (in == null) {
                throw new IllegalStateException("libraries.tsv is not packaged");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parse(reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read libraries.tsv", e);
        }
    }
}
