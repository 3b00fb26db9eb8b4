# Sourced by ./mvnw: run Maven itself on a JDK 21+, found without the user's help.
#
# Maven's JVM matters, not only the compiler's: maven-jar-plugin runs the JVM's own `jar`
# tool on module-info.class, and a JDK older than the class files fails there. So when
# JAVA_HOME (or `java` on PATH) is older than 21, look in the usual install places and
# export the newest JDK 21+ found. With none, stop with one line saying what to install.

weft_jdk_version() { # prints the feature version of the JDK at $1, or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9]*\).*/\1/p' "$1/release" | head -n 1
  fi
}

weft_current_home() {
  if [ -n "${JAVA_HOME-}" ]; then
    printf %s "$JAVA_HOME"
  elif command -v java >/dev/null 2>&1; then
    j=$(command -v java)
    while [ -L "$j" ]; do
      t=$(readlink "$j")
      case "$t" in /*) j=$t ;; *) j=$(dirname "$j")/$t ;; esac
    done
    d=$(dirname "$(dirname "$j")")
    printf %s "$d"
  fi
}

weft_pick_jdk() {
  cur=$(weft_current_home)
  v=$(weft_jdk_version "$cur")
  if [ -n "$v" ] && [ "$v" -ge 21 ]; then
    return 0
  fi
  best=""
  bestv=0
  set +f # mvnw runs with globbing off
  for d in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
           "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$d" ] || continue
    dv=$(weft_jdk_version "$d")
    if [ -n "$dv" ] && [ "$dv" -ge 21 ] && [ "$dv" -gt "$bestv" ]; then
      best=$d
      bestv=$dv
    fi
  done
  set -f
  if [ -z "$best" ]; then
    echo "weft needs a JDK 21 or newer (found ${v:-none} at ${cur:-no JAVA_HOME/java}): install one (e.g. apt-get install openjdk-21-jdk) or set JAVA_HOME to it." >&2
    exit 1
  fi
  JAVA_HOME=$best
  export JAVA_HOME
}

weft_pick_jdk
