package io.initguard.core.image.layers;

/**
 * One entry of a layer's tar stream.
 *
 * @param path       normalised absolute path ({@code /usr/bin/tini})
 * @param mode       permission bits (and set-id bits) as the tar header gives them
 * @param size       the data size (0 for anything but a regular file)
 * @param linkTarget for a symlink its target as written (absolute or relative); for a hardlink the normalised
 *                   absolute path of the file it shares data with; else null
 * @param text       the content of a small script ({@code #!} first, at most {@link LayerReader#SCRIPT_LIMIT}
 *                   bytes), else null
 * @param script     whether the file starts with {@code #!} (true also when its text was not kept because the
 *                   per-image text budget was spent)
 */
public record LayerEntry(String path, EntryType type, int mode, long size, String linkTarget, String text,
                         boolean script) {
    /** The last component of the path. */
    public String baseName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
