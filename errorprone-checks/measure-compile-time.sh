#!/usr/bin/env bash
# What the lifecycle checks add to compile time: javac alone, Error Prone's default checks, and the
# defaults plus the lifecycle checks, interleaved in one JVM (median of N runs, default 9).
# Usage: errorprone-checks/measure-compile-time.sh [runs]   (needs a JDK 21+ in JAVA_HOME)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl errorprone-checks -am test-compile
mvn -B -q -pl errorprone-checks org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
cd errorprone-checks
exports=()
while read -r flag value; do exports+=("$flag=$value"); done < ../.mvn/jvm.config
"${JAVA_HOME:-/usr}/bin/java" "${exports[@]}" \
  -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
  dev.lifecycle.errorprone.CompileTimeMeasurement "${1:-9}"
