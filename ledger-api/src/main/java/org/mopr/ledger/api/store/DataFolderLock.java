package org.mopr.ledger.api.store;

import org.mopr.ledger.shared.DomainException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One process per embedded data folder: a lock on {@value #FILE} in the folder, holding the pid of its owner, taken
 * before the embedded PostgreSQL starts. Without it a second process fails deep in the database library with a
 * hundred lines about {@code epg-lock}; with it, it is refused in one line naming the folder and the other pid. The
 * operating system releases the lock when its process dies, so a killed process never leaves the folder locked.
 */
public final class DataFolderLock implements AutoCloseable {

    public static final String FILE = "mopr-ledger.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder's lock, or refuses naming the process that holds it. */
    public static DataFolderLock take(Path folder) {
        Path file = folder.resolve(FILE);
        try {
            Files.createDirectories(folder);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very process, through another channel
            }
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new DomainException("the data folder " + folder + " is in use by another mopr-ledger process (pid "
                        + holder + "): stop that process, or pass another --data-dir");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new DataFolderLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the data folder " + folder + " (" + file + ")", e);
        }
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
        return pid.isEmpty() ? "unknown" : pid;
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
