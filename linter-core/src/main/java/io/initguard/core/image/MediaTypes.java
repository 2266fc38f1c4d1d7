package io.initguard.core.image;

import java.util.Set;

/** The media types of the OCI image spec and of Docker's image manifest v2 schema 2. */
public final class MediaTypes {
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar";
    public static final String OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
    public static final String OCI_LAYER_ZSTD = "application/vnd.oci.image.layer.v1.tar+zstd";
    public static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
    public static final String DOCKER_LAYER_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";

    /** Indexes: a manifest per platform. */
    public static final Set<String> INDEXES = Set.of(OCI_INDEX, DOCKER_LIST);
    /** Image manifests: a config and layers. */
    public static final Set<String> MANIFESTS = Set.of(OCI_MANIFEST, DOCKER_MANIFEST);

    private MediaTypes() {
    }

    /** How a layer of this media type is compressed. */
    public static Compression compression(String layerMediaType) {
        if (layerMediaType == null) return Compression.DETECT;
        if (layerMediaType.endsWith("+zstd") || layerMediaType.endsWith(".zstd")) return Compression.ZSTD;
        if (layerMediaType.endsWith("gzip")) return Compression.GZIP;
        if (layerMediaType.endsWith(".tar") || layerMediaType.endsWith("tar.diff")) return Compression.NONE;
        return Compression.DETECT;
    }

    /** Layer compression; {@link #DETECT} looks at the first bytes (docker save tarballs name no media type). */
    public enum Compression {
        NONE, GZIP, ZSTD, DETECT
    }
}
