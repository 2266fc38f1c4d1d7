# Sourced by ./initguard and ./run-tests: finds a Java 25 JDK and exports JAVA_HOME, or explains what to install.
initguard_find_java() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for d in /usr/lib/jvm/temurin-25-jdk* /usr/lib/jvm/java-25-* /usr/lib/jvm/jdk-25* /usr/lib/jvm/*25*; do
    [ -d "$d" ] && candidates+=("$d")
  done
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  local c v
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    # The JDK's release file says its version without starting a JVM (50 ms saved on every run).
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$c/release" 2>/dev/null)
    [ -n "$v" ] || v=$("$c/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ -n "$v" ] && [ "${v%%.*}" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$c"
      return 0
    fi
  done
  cat >&2 <<'MSG'
initguard needs a Java 25 JDK, and none was found (looked at JAVA_HOME, /usr/lib/jvm and the javac on PATH).
Install one, for example Eclipse Temurin 25 (https://adoptium.net), and set JAVA_HOME to it:
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
MSG
  return 1
}
