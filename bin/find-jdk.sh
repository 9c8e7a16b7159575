# shellcheck shell=bash
# Finding the JDK Tandem builds and runs with; sourced by ./tandem and .ci/run so both choose the same way.
#
#   tandem_find_jdk         prints the home of a JDK >= 21: $JAVA_HOME when it is one, else the newest JDK under
#                           $TANDEM_JVM_DIR (default /usr/lib/jvm); returns 1 when there is none.
#   tandem_use_jdk HOME     exports JAVA_HOME and PATH for HOME and quietens Maven's startup on new JDKs.
#
# A JDK here is a directory with bin/java and bin/javac (the launcher compiles, so a JRE is not enough) whose
# `java -version` reports the version.

TANDEM_MIN_JAVA=21

# Prints the version `HOME/bin/java -version` reports (25.0.3, 21, 17.0.15, 1.8.0_412); returns 1 when HOME is
# not a JDK or java does not run.
tandem_java_version() {
  local home=$1 output
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
  output=$("$home/bin/java" -version 2>&1) || return 1
  # The version line may follow notices such as "Picked up JAVA_TOOL_OPTIONS"; take the first quoted version.
  printf '%s\n' "$output" | sed -n '/ version "/{s/.* version "\([^"]*\)".*/\1/p;q;}'
}

# Prints the feature release of a version string: 25.0.3 -> 25, 1.8.0_412 -> 8.
tandem_java_major() {
  local version=$1
  case $version in 1.*) version=${version#1.} ;; esac
  version=${version%%[!0-9]*}
  [ -n "$version" ] || return 1
  printf '%s\n' "$version"
}

tandem_find_jdk() {
  local directory=${TANDEM_JVM_DIR:-/usr/lib/jvm} candidate version major
  if [ -n "${JAVA_HOME:-}" ] && version=$(tandem_java_version "$JAVA_HOME") && [ -n "$version" ] \
      && major=$(tandem_java_major "$version") && [ "$major" -ge "$TANDEM_MIN_JAVA" ]; then
    printf '%s\n' "$JAVA_HOME"
    return 0
  fi
  # Newest first by version order (25.0.3 after 25.0.1 after 21.0.8), so CI gets the newest JDK on the machine.
  for candidate in "$directory"/*; do
    [ -d "$candidate" ] || continue
    version=$(tandem_java_version "$candidate") && [ -n "$version" ] || continue
    major=$(tandem_java_major "$version") && [ "$major" -ge "$TANDEM_MIN_JAVA" ] || continue
    printf '%s\t%s\n' "$version" "$candidate"
  done | sort -t "$(printf '\t')" -k1,1V | tail -n 1 | cut -f 2 | grep .
}

tandem_use_jdk() {
  local major
  export JAVA_HOME=$1
  export PATH="$JAVA_HOME/bin:$PATH"
  major=$(tandem_java_major "$(tandem_java_version "$JAVA_HOME")")
  # Maven 3.9 (Guice) warns about sun.misc.Unsafe on JDK 24 and later; JDK 23 introduced the flag that allows it.
  if [ "$major" -ge 24 ]; then
    export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"
  fi
}
