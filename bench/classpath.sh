# shellcheck shell=bash
# Sourced by the bench/run* scripts: finds the JDK, compiles the benchmarks and the modules they use (to
# test-compile, not package: the server module's packaged jar is Spring Boot's repackaged one, whose classes a
# classpath cannot use) and sets $bench_classpath to the class directories and the resolved dependencies.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../bin/find-jdk.sh
. "$root/bin/find-jdk.sh"
if ! jdk=$(tandem_find_jdk); then
  echo "bench: no JDK 21 or newer found (set JAVA_HOME or install one under /usr/lib/jvm)" >&2
  exit 1
fi
tandem_use_jdk "$jdk"
(cd "$root" && ./mvnw -q -B -DskipTests -pl bench -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt </dev/null) >&2
bench_classpath="$root/bench/target/classes:$(cat "$root/bench/target/bench-classpath.txt")"
export bench_classpath
