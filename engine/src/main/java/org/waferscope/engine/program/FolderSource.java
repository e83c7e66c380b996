package org.waferscope.engine.program;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A program folder on disk. Symbolic links that lead out of the folder are refused. */
public final class FolderSource implements ProgramSource {
    private final Path folder;
    private final Path real;

    public FolderSource(Path folder) throws IOException {
        this.folder = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(this.folder)) {
            throw new NoSuchFileException(notAFolder(folder));
        }
        this.real = this.folder.toRealPath();
    }

    /**
     * Why {@code path} cannot be opened as a program folder: it is not there, or it is a file
     * of one (a layout.csl given for its folder), which names the folder to give instead.
     */
    public static String notAFolder(Path path) {
        Path parent = path.toAbsolutePath().normalize().getParent();
        if (Files.isRegularFile(path) && parent != null) {
            return path + " is a file, not a folder: give the program folder that holds it, " + parent;
        }
        return path + " is not a folder";
    }

    @Override
    public String name() {
        Path n = folder.getFileName();
        return n == null ? folder.toString() : n.toString();
    }

    @Override
    public Path folder() {
        return folder;
    }

    @Override
    public byte[] read(String relativeName, int maxBytes) throws IOException {
        SafeNames.check(relativeName);
        Path p = folder.resolve(relativeName).normalize();
        if (!p.startsWith(folder)) {
            throw new IOException("\"" + relativeName + "\" leaves the program folder");
        }
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.exists(p)) {
            throw new NoSuchFileException(relativeName);
        }
        return readFile(p, real, relativeName, maxBytes);
    }

    /**
     * Reads {@code p}, which must exist, be a regular file of at most {@code maxBytes} and,
     * links followed, lie under {@code realRoot}; {@code shown} is its name in messages.
     */
    static byte[] readFile(Path p, Path realRoot, String shown, int maxBytes) throws IOException {
        Path r = p.toRealPath();
        if (!r.startsWith(realRoot)) {
            throw new IOException("\"" + shown + "\" is a link that leads out of the program folder");
        }
        if (!Files.isRegularFile(r)) {
            throw new IOException("\"" + shown + "\" is not a regular file");
        }
        if (Files.size(r) > maxBytes) {
            throw new IOException("\"" + shown + "\" is larger than " + maxBytes + " bytes");
        }
        try (InputStream in = Files.newInputStream(r)) {
            byte[] b = in.readNBytes(maxBytes + 1);
            if (b.length > maxBytes) {
                throw new IOException("\"" + shown + "\" is larger than " + maxBytes + " bytes");
            }
            return b;
        }
    }
}
