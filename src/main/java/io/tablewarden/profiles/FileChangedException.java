package io.tablewarden.profiles;

import java.io.IOException;
import java.nio.file.Path;

/** The file changed on disk after it was read; writing would lose the other program's change. */
public final class FileChangedException extends IOException {

    private final Path file;

    public FileChangedException(Path file) {
        super(file + " changed on disk since it was read; read it again before saving");
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
