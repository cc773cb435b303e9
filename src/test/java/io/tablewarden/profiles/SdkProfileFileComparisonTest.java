package io.tablewarden.profiles;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference: the AWS SDK for Java's own {@code ProfileFile} must read every corpus file, and every pair of
 * files merged, exactly as the catalog does (the SDK is used here only, never by the profiles code).
 */
class SdkProfileFileComparisonTest {

    static List<Path> files() throws IOException {
        return Corpus.files();
    }

    static List<Path> cases() throws IOException {
        return Corpus.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void eachFileReadsLikeTheSdk(Path file) {
        ConfigFileType type = Corpus.typeOf(file);
        LoadedConfigFile ours = ConfigFileStore.read(file, type);
        ProfileFile.Type sdkType = type == ConfigFileType.CONFIG ? ProfileFile.Type.CONFIGURATION
                : ProfileFile.Type.CREDENTIALS;
        if (!ours.readable()) {
            if (repeats(ours.error())) {
                // The AWS CLI refuses repeated sections and keys; the SDK merges them (ADR 5).
                ProfileFile.builder().content(file).type(sdkType).build().profiles();
                return;
            }
            assertThrows(RuntimeException.class,
                    () -> ProfileFile.builder().content(file).type(sdkType).build().profiles(), file.toString());
            return;
        }
        ProfileFile sdk = ProfileFile.builder().content(file).type(sdkType).build();
        // The SDK adds each nested property a second time, flattened as parent.name.
        assertEquals(sdkProperties(sdk.profiles()), ourProperties(ours.document(), SectionKind.PROFILE),
                "profiles of " + file);
        for (String session : ours.document().names(SectionKind.SSO_SESSION)) {
            assertEquals(sdk.getSection("sso-session", session).map(Profile::properties).orElse(null),
                    SubProperties.flattened(ours.document().properties(SectionKind.SSO_SESSION, session)),
                    "sso-session " + session);
        }
        for (String services : ours.document().names(SectionKind.SERVICES)) {
            assertEquals(sdk.getSection("services", services).map(Profile::properties).orElse(null),
                    SubProperties.flattened(ours.document().properties(SectionKind.SERVICES, services)),
                    "services " + services);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bothFilesMergeLikeTheSdk(Path caseDir) {
        ProfileCatalog catalog = ProfileCatalog.load(Corpus.environment(caseDir));
        if (!catalog.errors().isEmpty()) {
            if (catalog.errors().stream().allMatch(SdkProfileFileComparisonTest::repeats)) {
                aggregate(caseDir).profiles();
                return;
            }
            assertThrows(RuntimeException.class, () -> aggregate(caseDir).profiles());
            return;
        }
        Map<String, Map<String, String>> ours = new TreeMap<>();
        for (String name : catalog.names()) {
            ours.put(name, SubProperties.flattened(catalog.properties(name).orElseThrow()));
        }
        assertEquals(sdkProperties(aggregate(caseDir).profiles()), ours);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void defaultProfileFileAgrees(Path caseDir) {
        // ProfileFile.defaultProfileFile() reads the files named by these system properties.
        System.setProperty("aws.configFile", caseDir.resolve("config").toString());
        System.setProperty("aws.sharedCredentialsFile", caseDir.resolve("credentials").toString());
        try {
            ProfileCatalog catalog = ProfileCatalog.load(Corpus.environment(caseDir));
            if (!catalog.errors().isEmpty()) {
                if (catalog.errors().stream().allMatch(SdkProfileFileComparisonTest::repeats)) {
                    ProfileFile.defaultProfileFile().profiles();
                    return;
                }
                assertThrows(RuntimeException.class, () -> ProfileFile.defaultProfileFile().profiles());
                return;
            }
            Map<String, Map<String, String>> sdk = sdkProperties(ProfileFile.defaultProfileFile().profiles());
            assertEquals(sdk.keySet(), new java.util.TreeSet<>(catalog.names()));
            for (String name : catalog.names()) {
                assertEquals(sdk.get(name), SubProperties.flattened(catalog.properties(name).orElseThrow()), name);
            }
        } finally {
            System.clearProperty("aws.configFile");
            System.clearProperty("aws.sharedCredentialsFile");
        }
    }

    /** The one rule where the AWS CLI, which Tablewarden follows, is stricter than the SDK. */
    private static boolean repeats(ConfigReadError error) {
        return error.reason().startsWith("duplicate ");
    }

    @org.junit.jupiter.api.Test
    void corpusCoversTheInterestingCases() throws IOException {
        assertTrue(Corpus.cases().size() >= 12);
        assertFalse(Corpus.files().isEmpty());
    }

    /** The order of the SDK's default profile file: credentials first, so that it wins. */
    private static ProfileFile aggregate(Path caseDir) {
        ProfileFile.Aggregator aggregator = ProfileFile.aggregator();
        Path credentials = caseDir.resolve("credentials");
        Path config = caseDir.resolve("config");
        if (Files.exists(credentials)) {
            aggregator.addFile(ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build());
        }
        if (Files.exists(config)) {
            aggregator.addFile(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build());
        }
        return aggregator.build();
    }

    private static Map<String, Map<String, String>> sdkProperties(Map<String, Profile> profiles) {
        Map<String, Map<String, String>> result = new TreeMap<>();
        profiles.forEach((name, profile) -> result.put(name, profile.properties()));
        return result;
    }

    private static Map<String, Map<String, String>> ourProperties(ConfigDocument doc, SectionKind kind) {
        Map<String, Map<String, String>> result = new TreeMap<>();
        for (String name : doc.names(kind)) {
            result.put(name, SubProperties.flattened(doc.properties(kind, name)));
        }
        return result;
    }
}
