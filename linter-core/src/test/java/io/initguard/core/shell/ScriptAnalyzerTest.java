package io.initguard.core.shell;

import static io.initguard.core.shell.ScriptAnalyzer.analyze;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initguard.core.shell.ScriptOutcome.ExecsInto;
import io.initguard.core.shell.ScriptOutcome.Opaque;
import io.initguard.core.shell.ScriptOutcome.RunsWithoutExec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptAnalyzerTest {
    private static final String ARGS = Word.ALL_ARGS;

    static final String NGINX_STYLE = """
            #!/bin/sh
            set -e
            if [ "${1#-}" != "$1" ]; then
            	set -- myserver "$@"
            fi
            if [ -d /docker-entrypoint.d ]; then
            	for f in /docker-entrypoint.d/*.sh; do
            		[ -e "$f" ] && . "$f"
            	done
            fi
            exec "$@"
            """;

    static final String TINI = "#!/bin/bash\nset -euo pipefail\nenvsubst < a > b\nexec /usr/bin/tini -- \"$@\"\n";

    static final String WORKER = "#!/bin/sh\nset -e\necho \"starting $1\"\n\"$@\"\necho \"worker stopped\"\n";

    static final String GOSU_STEP_DOWN = """
            #!/bin/sh
            set -e
            if [ "$1" = 'cache-server' ] && [ "$(id -u)" = '0' ]; then
            	find . \\! -user cache -exec chown cache '{}' +
            	exec gosu cache "$0" "$@"
            fi
            exec "$@"
            """;

    static final String PHP = """
            #!/bin/sh
            set -e

            # first arg is `-f` or `--some-option`
            if [ "${1#-}" != "$1" ]; then
            	set -- apache2-foreground "$@"
            fi

            exec "$@"
            """;

    /** Shaped like jenkinsci/docker's jenkins.sh with an unconditional final exec. */
    static final String JENKINS_LIKE = """
            #! /bin/bash -e
            : "${JENKINS_WAR:="/usr/share/jenkins/jenkins.war"}"
            : "${JENKINS_HOME:="/var/jenkins_home"}"
            touch "${COPY_REFERENCE_FILE_LOG}" || { echo "Can not write to ${COPY_REFERENCE_FILE_LOG}"; exit 1; }
            echo "--- Copying files at $(date)" >> "$COPY_REFERENCE_FILE_LOG"
            find "${REF}" \\( -type f -o -type l \\) -exec bash -c '. /usr/local/bin/jenkins-support; for arg; do copy_reference_file "$arg"; done' _ {} +
            java_opts_array=()
            while IFS= read -r -d '' item; do
              java_opts_array+=( "$item" )
            done < <([[ $JAVA_OPTS ]] && xargs printf '%s\\0' <<<"$JAVA_OPTS")
            exec java -Duser.home="$JENKINS_HOME" "${java_opts_array[@]}" -jar ${JENKINS_WAR} "$@"
            """;

    /** jenkins.sh as published: the java exec sits in an if, the normal path (per our rule) is exec "$@". */
    static final String JENKINS_CONDITIONAL = """
            #! /bin/bash -e
            if [[ $# -lt 1 ]] || [[ "$1" == "--"* ]]; then
              java_opts_array=()
              exec java -Duser.home="$JENKINS_HOME" "${java_opts_array[@]}" -jar ${JENKINS_WAR} "$@"
            fi
            exec "$@"
            """;

    @TempDir
    Path tmp;

    @Test
    void nginxStyleEntrypoint() {
        ScriptAnalysis a = analyze(NGINX_STYLE);
        assertEquals(List.of("/bin/sh"), a.interpreter());
        assertEquals(new ExecsInto(List.of(ARGS)), a.outcome());
    }

    /** docker-library's postgres, mysql and mariadb: all the work is in _main, called behind `if ! _is_sourced`. */
    private static final String DOCKER_LIBRARY_MAIN = """
            #!/usr/bin/env bash
            set -Eeo pipefail
            _is_sourced() {
            	[ "${#FUNCNAME[@]}" -ge 2 ] && [ "${FUNCNAME[0]}" = '_is_sourced' ] && [ "${FUNCNAME[1]}" = 'source' ]
            }
            _main() {
            	if [ "${1:0:1}" = '-' ]; then
            		set -- postgres "$@"
            	fi
            	if [ "$1" = 'postgres' ]; then
            		if [ "$(id -u)" = '0' ]; then
            			exec gosu postgres "$BASH_SOURCE" "$@"
            		fi
            	fi
            	exec "$@"
            }
            if ! _is_sourced; then
            	_main "$@"
            fi
            """;

    @Test
    void dockerLibraryNotSourcedGuardIsTakenAndMainExecs() {
        assertEquals(new ExecsInto(List.of(ARGS)), analyze(DOCKER_LIBRARY_MAIN).outcome());
    }

    @Test
    void anOrdinaryConditionStaysConditional() {
        String script = "#!/bin/sh\nif [ -n \"$RUN\" ]; then\n\texec \"$@\"\nfi\n";
        assertTrue(analyze(script).outcome() instanceof ScriptOutcome.Opaque, analyze(script)::toString);
    }

    @Test
    void tiniExec() {
        ScriptAnalysis a = analyze(TINI);
        assertEquals(List.of("/bin/bash"), a.interpreter());
        assertEquals(new ExecsInto(List.of("/usr/bin/tini", "--", ARGS)), a.outcome());
    }

    @Test
    void workerRunsWithoutExec() {
        assertEquals(new RunsWithoutExec(List.of(ARGS)), analyze(WORKER).outcome());
    }

    @Test
    void gosuStepDownNormalPathIsTheFinalExec() {
        assertEquals(new ExecsInto(List.of(ARGS)), analyze(GOSU_STEP_DOWN).outcome());
    }

    @Test
    void phpEntrypoint() {
        assertEquals(new ExecsInto(List.of(ARGS)), analyze(PHP).outcome());
    }

    @Test
    void jenkins() {
        ScriptAnalysis a = analyze(JENKINS_LIKE);
        assertEquals(List.of("/bin/bash", "-e"), a.interpreter());
        assertEquals(new ExecsInto(List.of("java", "-Duser.home=$JENKINS_HOME", "${java_opts_array[@]}", "-jar",
                "${JENKINS_WAR}", ARGS)), a.outcome());
        assertEquals(new ExecsInto(List.of(ARGS)), analyze(JENKINS_CONDITIONAL).outcome());
    }

    @Test
    void shebangs() {
        assertEquals(List.of("/usr/bin/dumb-init", "/bin/sh"), analyze("#!/usr/bin/dumb-init /bin/sh\nexec a\n").interpreter());
        assertEquals(List.of("/usr/bin/env", "bash -e"), analyze("#!/usr/bin/env bash -e\nexec a\n").interpreter());
        assertEquals(List.of("/bin/sh"), analyze("#!  /bin/sh  \nexec a").interpreter());
        assertEquals(List.of(), analyze("exec a\n").interpreter());
        assertEquals(ShellKind.BASH, ScriptAnalyzer.shellOf(List.of("/usr/bin/env", "bash -e")));
        assertEquals(ShellKind.BUSYBOX, ScriptAnalyzer.shellOf(List.of("/bin/ash")));
        assertEquals(ShellKind.UNKNOWN, ScriptAnalyzer.shellOf(List.of("/bin/sh")));
    }

    @Test
    void lastCommandOfAScriptIsNotExecdByAnyShell() {
        for (String shebang : List.of("#!/bin/bash", "#!/bin/sh", "#!/bin/dash", "#!/bin/ash", "")) {
            assertEquals(new RunsWithoutExec(List.of("node", "server.js")),
                    analyze(shebang + "\ncd /app\nnode server.js\n").outcome(), shebang);
        }
    }

    @Test
    void functions() {
        String main = """
                #!/bin/sh
                _main() {
                	if [ "$1" = 'postgres' ]; then
                		echo init
                	fi
                	exec "$@"
                }
                _main "$@"
                """;
        assertEquals(new ExecsInto(List.of(ARGS)), analyze(main).outcome());
        String withArgs = "#!/bin/sh\nrun() { exec su-exec app \"$@\"; }\nrun server --port 80\n";
        assertEquals(new ExecsInto(List.of("su-exec", "app", "server", "--port", "80")), analyze(withArgs).outcome());
        String childInFunction = "#!/bin/bash\nstart() { prep; node app.js; }\nstart\n";
        assertEquals(new RunsWithoutExec(List.of("node", "app.js")), analyze(childInFunction).outcome());
    }

    @Test
    void trapsBackgroundAndPipelines() {
        assertEquals(new RunsWithoutExec(List.of("app")),
                analyze("#!/bin/sh\ntrap 'kill $PID' TERM\napp &\nPID=$!\nwait\n").outcome());
        assertEquals(new RunsWithoutExec(List.of("tee", "/log")),
                analyze("#!/bin/bash\napp 2>&1 | tee /log\n").outcome());
        assertEquals(new ExecsInto(List.of("app")),
                analyze("#!/bin/bash\ntrap 'echo bye' EXIT\nsidecar &\nexec app\n").outcome());
    }

    @Test
    void conditionalExec() {
        Opaque o = assertInstanceOf(Opaque.class,
                analyze("#!/bin/sh\nif [ -n \"$DEBUG\" ]; then\n  exec debug-app\nfi\n").outcome());
        assertTrue(o.reason().contains("conditional"), o.reason());
        assertEquals(new ExecsInto(List.of("app")),
                analyze("#!/bin/sh\nif [ -n \"$X\" ]; then exec app; else exec app; fi\n").outcome());
        assertInstanceOf(Opaque.class,
                analyze("#!/bin/sh\nif [ -n \"$X\" ]; then exec a; else exec b; fi\n").outcome());
        assertEquals(new RunsWithoutExec(List.of("b")),
                analyze("#!/bin/sh\n[ -n \"$X\" ] || exec a\nb\n").outcome());
        assertEquals(new ExecsInto(List.of("a")),
                analyze("#!/bin/sh\nprep && exec a\nb\n").outcome());
    }

    @Test
    void caseOnFirstArgument() {
        String s = """
                #!/bin/sh
                case "$1" in
                  web) exec gunicorn app ;;
                  worker) exec celery worker ;;
                esac
                exec "$@"
                """;
        assertEquals(new ExecsInto(List.of(ARGS)), analyze(s).outcome());
    }

    @Test
    void setArgsBeforeExec() {
        assertEquals(new ExecsInto(List.of("myserver", "--config", "/etc/c", ARGS)),
                analyze("#!/bin/sh\nset -- myserver --config /etc/c \"$@\"\nexec \"$@\"\n").outcome());
    }

    @Test
    void hereDocuments() {
        String s = """
                #!/bin/sh
                cat > /etc/app.conf <<EOF
                listen $PORT
                exec not-a-command
                EOF
                cat <<-'X'
                	exec neither
                	X
                exec app --conf /etc/app.conf
                """;
        assertEquals(new ExecsInto(List.of("app", "--conf", "/etc/app.conf")), analyze(s).outcome());
    }

    @Test
    void execOptionsDependOnTheShell() {
        assertEquals(new ExecsInto(List.of("app")), analyze("#!/bin/bash\nexec -a myapp app\n").outcome());
        assertInstanceOf(Opaque.class, analyze("#!/bin/dash\nexec -- app\n").outcome());
    }

    @Test
    void opaqueCases() {
        Opaque bad = assertInstanceOf(Opaque.class, analyze("#!/bin/sh\nif true; then\n  echo 'x\n").outcome());
        assertTrue(bad.reason().contains("3:8: unterminated single quote"), bad.reason());
        assertInstanceOf(Opaque.class, analyze("#!/bin/sh\nX=1\n").outcome());
        assertInstanceOf(Opaque.class, analyze("").outcome());
    }

    /** The fixtures that exec or run "$@" behave as analysed when run by the real shells. */
    @Test
    void fixturesAgreeWithRealShells() throws Exception {
        for (List<String> shell : List.of(List.of("dash"), List.of("bash"), List.of("busybox", "sh"))) {
            for (String script : List.of(NGINX_STYLE, GOSU_STEP_DOWN, PHP, WORKER)) {
                String comm = runScript(shell, script);
                ScriptOutcome outcome = analyze(script).outcome();
                if (comm.equals("cat")) {
                    assertEquals(new ExecsInto(List.of(ARGS)), outcome, shell + "\n" + script);
                } else {
                    assertInstanceOf(RunsWithoutExec.class, outcome, shell + " left " + comm + "\n" + script);
                }
            }
        }
    }

    private String runScript(List<String> shell, String script) throws IOException, InterruptedException {
        Path file = Files.createTempFile(tmp, "entry", ".sh");
        Files.writeString(file, script);
        List<String> argv = new ArrayList<>(List.of("unshare", "--pid", "--fork", "--mount-proc"));
        argv.addAll(shell);
        argv.addAll(List.of(file.toString(), "cat", "/proc/1/comm"));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "script did not finish");
        return out.lines().filter(l -> !l.startsWith("starting") && !l.startsWith("worker")).findFirst()
                .orElse("").strip();
    }
}
