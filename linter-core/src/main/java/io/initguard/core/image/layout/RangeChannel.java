package io.initguard.core.image.layout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only window {@code [offset, offset + size)} of a file, with its own position. Reads are positional, so
 * several windows can share one open file; closing a window leaves the file open.
 */
final class RangeChannel implements SeekableByteChannel {
    private final FileChannel file;
    private final long offset;
    private final long size;
    private long position;
    private boolean open = true;

    RangeChannel(FileChannel file, long offset, long size) {
        this.file = file;
        this.offset = offset;
        this.size = size;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!open) throw new ClosedChannelException();
        if (position >= size) return -1;
        long left = size - position;
        ByteBuffer window = dst;
        if (dst.remaining() > left) window = dst.slice().limit((int) left);
        int n = file.read(window, offset + position);
        if (n > 0) {
            position += n;
            if (window != dst) dst.position(dst.position() + n);
        }
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        if (newPosition < 0) throw new IllegalArgumentException("negative position");
        position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
