package io.tablewarden.profiles;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The sample config and credentials files under {@code src/test/resources/profiles/corpus}, one folder a case. */
final class Corpus {

    private Corpus() {
    }

    static Path root() {
        try {
            return Paths.get(Corpus.class.getResource("/profiles/corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every case folder, by name. */
    static List<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(root())) {
            return s.filter(Files::isDirectory).sorted().collect(Collectors.toList());
        }
    }

    /** Every config or credentials file of every case. */
    static List<Path> files() throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (Path c : cases()) {
            for (ConfigFileType type : ConfigFileType.values()) {
                Path file = c.resolve(type.label());
                if (Files.exists(file)) {
                    files.add(file);
                }
            }
        }
        return files;
    }

    static ConfigFileType typeOf(Path file) {
        return file.getFileName().toString().equals("config") ? ConfigFileType.CONFIG : ConfigFileType.CREDENTIALS;
    }

    /** The environment of a case: its two files, {@code AWS_PROFILE} unset. */
    static ProfileEnvironment environment(Path caseDir) {
        return new ProfileEnvironment(java.util.Map.of(
                "AWS_CONFIG_FILE", caseDir.resolve("config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", caseDir.resolve("credentials").toString()), caseDir);
    }
}
