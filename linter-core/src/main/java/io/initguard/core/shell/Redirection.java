package io.initguard.core.shell;

/**
 * A redirection such as {@code 2>&1}, {@code > file} or a here-document.
 *
 * @param fd       the explicit file descriptor number, or -1 if none was written
 * @param operator one of {@code < > >> << <<- <& >& <> >| &> &>> <<<}
 * @param target   the file, descriptor or here-document delimiter word
 * @param hereDoc  the here-document body for {@code <<}/{@code <<-}, otherwise null
 */
public record Redirection(int fd, String operator, Word target, String hereDoc) {
}
