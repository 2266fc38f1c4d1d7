package io.initguard.core.shell;

import java.util.List;

/** A parsed shell command (POSIX shell grammar, unexpanded). */
public sealed interface Command {

    /** {@code X=1 Y=2 cmd arg... >redir}. Any part may be empty. */
    record SimpleCommand(List<Word> assignments, List<Word> words, List<Redirection> redirections)
            implements Command {
        public SimpleCommand {
            assignments = List.copyOf(assignments);
            words = List.copyOf(words);
            redirections = List.copyOf(redirections);
        }

        /** The command name as written (quotes removed), or "" when the command has no words. */
        public String name() {
            return words.isEmpty() ? "" : words.getFirst().value();
        }
    }

    /** {@code left && right} or {@code left || right}; chains nest to the left. */
    record AndOr(Command left, Operator operator, Command right) implements Command {
        /** The and-or operator. */
        public enum Operator { AND, OR }
    }

    /** {@code [!] a | b | c}; a single negated command is a one-element negated pipeline. */
    record Pipeline(List<Command> commands, boolean negated) implements Command {
        public Pipeline {
            commands = List.copyOf(commands);
        }
    }

    /** {@code command &}. */
    record Background(Command command) implements Command {
    }

    /** {@code name() compound-command} or bash's {@code function name { ...; }}. */
    record FunctionDef(String name, Command body) implements Command {
    }

    /** Compound commands; each can carry redirections after its closing word. */
    sealed interface Compound extends Command {
        List<Redirection> redirections();
    }

    /** {@code { list; }}. */
    record BraceGroup(List<Command> body, List<Redirection> redirections) implements Compound {
        public BraceGroup {
            body = List.copyOf(body);
            redirections = List.copyOf(redirections);
        }
    }

    /** {@code ( list )}. */
    record Subshell(List<Command> body, List<Redirection> redirections) implements Compound {
        public Subshell {
            body = List.copyOf(body);
            redirections = List.copyOf(redirections);
        }
    }

    /** One {@code if}/{@code elif} condition with its {@code then} body. */
    record Branch(List<Command> condition, List<Command> body) {
        public Branch {
            condition = List.copyOf(condition);
            body = List.copyOf(body);
        }
    }

    /** {@code if c; then b; elif ...; else e; fi}; {@code elseBody} is null when there is no else. */
    record IfClause(List<Branch> branches, List<Command> elseBody, List<Redirection> redirections)
            implements Compound {
        public IfClause {
            branches = List.copyOf(branches);
            elseBody = elseBody == null ? null : List.copyOf(elseBody);
            redirections = List.copyOf(redirections);
        }
    }

    /** {@code for name [in words]; do body; done}; {@code items} is null when {@code in} is omitted. */
    record ForLoop(String variable, List<Word> items, List<Command> body, List<Redirection> redirections)
            implements Compound {
        public ForLoop {
            items = items == null ? null : List.copyOf(items);
            body = List.copyOf(body);
            redirections = List.copyOf(redirections);
        }
    }

    /** {@code while cond; do body; done}, or {@code until} when {@code until} is true. */
    record WhileLoop(boolean until, List<Command> condition, List<Command> body, List<Redirection> redirections)
            implements Compound {
        public WhileLoop {
            condition = List.copyOf(condition);
            body = List.copyOf(body);
            redirections = List.copyOf(redirections);
        }
    }

    /** One {@code pattern|pattern) body ;;} item of a case clause. */
    record CaseItem(List<Word> patterns, List<Command> body) {
        public CaseItem {
            patterns = List.copyOf(patterns);
            body = List.copyOf(body);
        }
    }

    /** {@code case word in ... esac}. */
    record CaseClause(Word subject, List<CaseItem> items, List<Redirection> redirections) implements Compound {
        public CaseClause {
            items = List.copyOf(items);
            redirections = List.copyOf(redirections);
        }
    }
}
