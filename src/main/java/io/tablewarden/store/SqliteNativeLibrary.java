package io.tablewarden.store;

import io.tablewarden.platform.DataFolder;
import io.tablewarden.platform.OwnerOnly;

import java.io.IOException;
import java.nio.file.Path;

/**
 * sqlite-jdbc unpacks its native library into {@code java.io.tmpdir} by default, once per JVM, and a killed JVM
 * leaves its copy there. Pointing {@code org.sqlite.tmpdir} at {@code cache} in the data folder keeps the copies in
 * one owner-only place that the driver itself tidies at the next start. The property must be set before the
 * driver loads its library, which happens at the first connection.
 */
final class SqliteNativeLibrary {

    /** The sqlite-jdbc property naming the folder the native library is unpacked into. */
    static final String PROPERTY = "org.sqlite.tmpdir";

    private SqliteNativeLibrary() {
    }

    /** Sets the folder unless the user chose one; keeps the default when the data folder cannot be created. */
    static synchronized void useDataFolderCache() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        Path cache = DataFolder.resolve().resolve("cache");
        try {
            OwnerOnly.createFolders(cache);
            System.setProperty(PROPERTY, cache.toAbsolutePath().toString());
        } catch (IOException | RuntimeException e) {
            // A read-only home: the driver falls back to the temporary folder and still works.
        }
    }
}
