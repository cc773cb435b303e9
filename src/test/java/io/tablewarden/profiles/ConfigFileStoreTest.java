package io.tablewarden.profiles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Saving: atomic, with a backup, owner-only credentials, never over a changed or unreadable file. */
class ConfigFileStoreTest {

    private static final String CREDENTIALS = "# keys\r\n[default]\r\naws_access_key_id = AKIAEXAMPLESTORE0001\r\n"
            + "aws_secret_access_key = storeSecret\r\n";

    @TempDir
    Path dir;

    private Path credentials() throws Exception {
        Path file = dir.resolve("credentials");
        Files.writeString(file, CREDENTIALS, StandardCharsets.UTF_8);
        if (ConfigFileStore.posix()) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
        return file;
    }

    @Test
    void unchangedDocumentWritesTheSameBytesAndKeepsABackup() throws Exception {
        Path file = credentials();
        LoadedConfigFile loaded = ConfigFileStore.read(file, ConfigFileType.CREDENTIALS);
        ConfigFileStore.write(loaded, loaded.document());
        assertArrayEquals(CREDENTIALS.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
        assertEquals(CREDENTIALS, Files.readString(ConfigFileStore.backupOf(file)));
    }

    @Test
    void savedEditReplacesTheFileAndTheBackupHoldsThePreviousVersion() throws Exception {
        Path file = credentials();
        LoadedConfigFile loaded = ConfigFileStore.read(file, ConfigFileType.CREDENTIALS);
        ConfigDocument edited = loaded.document().edit()
                .set(SectionKind.PROFILE, "default", "aws_secret_access_key", "rotated").result();
        LoadedConfigFile saved = ConfigFileStore.write(loaded, edited);
        assertEquals(CREDENTIALS.replace("storeSecret", "rotated"), Files.readString(file));
        assertEquals(CREDENTIALS, Files.readString(ConfigFileStore.backupOf(file)));
        // A second save from the fresh state works and moves the backup forward.
        ConfigFileStore.write(saved, saved.document().edit().remove(SectionKind.PROFILE, "default",
                "aws_access_key_id").result());
        assertEquals(CREDENTIALS.replace("storeSecret", "rotated"), Files.readString(ConfigFileStore.backupOf(file)));
        assertEquals(List.of("credentials", "credentials.bak"), listing());
    }

    @Test
    void credentialsAndTheirBackupAreOwnerOnly() throws Exception {
        assumeTrue(ConfigFileStore.posix());
        Path file = credentials();
        LoadedConfigFile loaded = ConfigFileStore.read(file, ConfigFileType.CREDENTIALS);
        ConfigFileStore.write(loaded, loaded.document());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(ConfigFileStore.backupOf(file))));
    }

    @Test
    void configKeepsItsPermissions() throws Exception {
        assumeTrue(ConfigFileStore.posix());
        Path file = Files.writeString(dir.resolve("config"), "[default]\nregion = eu-west-1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        LoadedConfigFile loaded = ConfigFileStore.read(file, ConfigFileType.CONFIG);
        ConfigFileStore.write(loaded, loaded.document().edit().set(SectionKind.PROFILE, "default", "output", "json")
                .result());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aMissingFileAndFolderAreCreatedWithoutBackup() throws Exception {
        Path file = dir.resolve(".aws").resolve("credentials");
        LoadedConfigFile loaded = ConfigFileStore.read(file, ConfigFileType.CREDENTIALS);
        assertTrue(loaded.readable());
        assertEquals(FileStamp.ABSENT, loaded.stamp());
        ConfigFileStore.write(loaded, loaded.document().edit().addSection(SectionKind.PROFILE, "x",
                java.util.Map.of("aws_access_key_id", "AKIAEXAMPLE")).result());
        assertEquals("[x]\naws_access_key_id = AKIAEXAMPLE\n", Files.readString(file));
        assertFalse(Files.exists(ConfigFileStore.backupOf(file)));
        if (ConfigFileStore.posix()) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        }
    }

    @Test
    void aSymbolicLinkStaysALink() throws Exception {
        assumeTrue(ConfigFileStore.posix());
        Path real = credentials();
        Path link = Files.createSymbolicLink(dir.resolve("link"), real.getFileName());
        LoadedConfigFile loaded = ConfigFileStore.read(link, ConfigFileType.CREDENTIALS);
        ConfigFileStore.write(loaded, loaded.document().edit().set(SectionKind.PROFILE, "default", "region", "x")
                .result());
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(real).endsWith("region = x\r\n"), Files.readString(real));
        assertEquals(CREDENTIALS, Files.readString(ConfigFileStore.backupOf(real)));
    }

    @Test
    void aFileChangedOnDiskIsNotOverwritten() throws Exception {
        Path file = credentials();
        LoadedConfigFile loaded = ConfigFileStore.read(file, ConfigFileType.CREDENTIALS);
        String theirs = CREDENTIALS.replace("storeSecret", "storeSecreX");
        Files.writeString(file, theirs);
        ConfigDocument edited = loaded.document().edit().set(SectionKind.PROFILE, "default", "region", "x").result();
        assertThrows(FileChangedException.class, () -> ConfigFileStore.write(loaded, edited));
        assertEquals(theirs, Files.readString(file));
        assertFalse(Files.exists(ConfigFileStore.backupOf(file)));
        assertEquals(List.of("credentials"), listing());
    }

    @Test
    void aFileCreatedOrDeletedSinceReadingIsAConflictToo() throws Exception {
        Path file = dir.resolve("config");
        LoadedConfigFile absent = ConfigFileStore.read(file, ConfigFileType.CONFIG);
        Files.writeString(file, "[default]\n");
        assertThrows(FileChangedException.class, () -> ConfigFileStore.write(absent, absent.document()));
        LoadedConfigFile present = ConfigFileStore.read(file, ConfigFileType.CONFIG);
        Files.delete(file);
        assertThrows(FileChangedException.class, () -> ConfigFileStore.write(present, present.document()));
        assertFalse(Files.exists(file));
    }

    @Test
    void onlyATouchedTimeIsNotAConflict() throws Exception {
        Path file = credentials();
        LoadedConfigFile loaded = ConfigFileStore.read(file, ConfigFileType.CREDENTIALS);
        Files.setLastModifiedTime(file, FileTime.fromMillis(loaded.stamp().modifiedMillis() + 60_000));
        ConfigFileStore.write(loaded, loaded.document());
        assertEquals(CREDENTIALS, Files.readString(file));
    }

    @Test
    void aFileWithErrorsIsNeverRewritten() throws Exception {
        byte[] broken = "[default]\nregion = eu-west-1\nno equals here\n".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("config"), broken);
        LoadedConfigFile loaded = ConfigFileStore.read(file, ConfigFileType.CONFIG);
        assertFalse(loaded.readable());
        assertEquals(3, loaded.error().line());
        assertEquals("cannot read " + file + ":3: expected 'name = value'", loaded.error().message());
        assertThrows(IllegalStateException.class, () -> ConfigFileStore.write(loaded,
                ConfigDocument.parse("[default]\n", ConfigFileType.CONFIG, "config")));
        assertArrayEquals(broken, Files.readAllBytes(file));
        assertEquals(List.of("config"), listing());
    }

    @Test
    void bytesThatAreNotUtf8AreAnError() throws Exception {
        Path file = Files.write(dir.resolve("config"), new byte[] {'[', 'd', ']', '\n', (byte) 0xff, '\n'});
        LoadedConfigFile loaded = ConfigFileStore.read(file, ConfigFileType.CONFIG);
        assertFalse(loaded.readable());
        assertEquals("the file is not UTF-8 text", loaded.error().reason());
    }

    @Test
    void aDocumentOfTheOtherTypeIsRefused() throws Exception {
        Path file = credentials();
        LoadedConfigFile loaded = ConfigFileStore.read(file, ConfigFileType.CREDENTIALS);
        assertThrows(IllegalArgumentException.class,
                () -> ConfigFileStore.write(loaded, ConfigDocument.empty(ConfigFileType.CONFIG, "config")));
    }

    @Test
    void editorSavesOnlyTheFilesThatChanged() throws Exception {
        Path config = Files.writeString(dir.resolve("config"), "[default]\nregion = eu-west-1\n");
        Path creds = credentials();
        ProfileEnvironment env = new ProfileEnvironment(java.util.Map.of("AWS_CONFIG_FILE", config.toString(),
                "AWS_SHARED_CREDENTIALS_FILE", creds.toString()), dir);
        ProfileCatalog catalog = ProfileCatalog.load(env);
        ProfileCatalog saved = ProfileEditor.of(catalog).set("default", "output", "json").save("default");
        assertEquals("[default]\nregion = eu-west-1\noutput = json\n", Files.readString(config));
        assertFalse(Files.exists(ConfigFileStore.backupOf(creds)));
        assertEquals("json", saved.summary("default").orElseThrow().output());
    }

    @Test
    void aConflictInOneFileStopsTheEditorBeforeWritingEither() throws Exception {
        Path config = Files.writeString(dir.resolve("config"), "[default]\nregion = eu-west-1\n");
        Path creds = credentials();
        ProfileEnvironment env = new ProfileEnvironment(java.util.Map.of("AWS_CONFIG_FILE", config.toString(),
                "AWS_SHARED_CREDENTIALS_FILE", creds.toString()), dir);
        ProfileEditor editor = ProfileEditor.of(ProfileCatalog.load(env)).add("new",
                ProfileTemplates.staticKeys("AKIAEXAMPLENEW000001", "newSecret", null, "eu-west-2"));
        Files.writeString(creds, CREDENTIALS + "[other]\n");
        assertThrows(FileChangedException.class, () -> editor.save("default"));
        assertEquals("[default]\nregion = eu-west-1\n", Files.readString(config));
        assertEquals(CREDENTIALS + "[other]\n", Files.readString(creds));
    }

    private List<String> listing() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
