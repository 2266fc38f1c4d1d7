package io.initguard.core.dockerfile;

/**
 * A here-document of a RUN or COPY (or any instruction that carries one).
 *
 * @param delimiter  the word after {@code <<} or {@code <<-}, without quotes
 * @param quoted     the delimiter was quoted, so the content is not expanded
 * @param stripTabs  {@code <<-}: leading tabs are stripped from the content lines
 * @param content    the body, each line ending in a newline, tabs already stripped where asked
 * @param startLine  the line of the first content line
 */
public record Heredoc(String delimiter, boolean quoted, boolean stripTabs, String content, int startLine) {
}
