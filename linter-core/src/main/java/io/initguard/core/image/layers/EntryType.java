package io.initguard.core.image.layers;

/** What a tar entry of a layer is. */
public enum EntryType {
    FILE, DIRECTORY, SYMLINK, HARDLINK,
    /** A device, a FIFO or anything else that is neither a file nor a link. */
    OTHER
}
