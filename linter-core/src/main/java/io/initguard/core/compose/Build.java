package io.initguard.core.compose;

/**
 * A service's {@code build:} section ({@code build: ./dir} is {@code context: ./dir}).
 *
 * @param context          the build context, {@code .} when not given
 * @param dockerfile       the Dockerfile path relative to the context, {@code Dockerfile} when not given
 * @param target           the stage to build, or null for the last one
 * @param dockerfileInline {@code dockerfile_inline:} text, or null
 */
public record Build(String context, String dockerfile, String target, String dockerfileInline) {
    public static final String DEFAULT_CONTEXT = ".";
    public static final String DEFAULT_DOCKERFILE = "Dockerfile";
}
