#!/usr/bin/env bash
# The lifecycle checks on real code: compiles the main sources of the open-source projects listed in
# projects.tsv (public repository, commit, source roots, --release, dependencies) with Error Prone
# running only the lifecycle checks, writes every finding, and joins them with triage.tsv.
# Run by hand, never by the build. Needs git, Maven (dependencies are fetched once) and a JDK 21+.
#
# Usage: errorprone-checks/realcode/realcode.sh [findings|rlc|time|all]   (default: findings)
#   findings  the lifecycle checks; prints the triage counts and any finding not triaged yet
#   rlc       the Checker Framework's Resource Leak Checker on the same sources (slow)
#   time      CPU time of Error Prone defaults vs defaults + lifecycle, median of $RUNS (default 5)
#
# Environment:
#   REALCODE_WORK     where sources, classpaths and results go (default: /tmp/lifecycle-realcode)
#   REALCODE_MIRRORS  optional directory holding local clones as <owner>+<name>/repo, used instead of
#                     cloning the repository URL (same commits)
#   REALCODE_ONLY     optional: one project name
#
# Each project's sources are obtained as
#   git clone --no-checkout <repository> <work>/src/<name>
#   git -C <work>/src/<name> checkout <commit> -- <source roots>
# so that only the main sources are checked out; none of them is part of this repository.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mode="${1:-findings}"
work="${REALCODE_WORK:-/tmp/lifecycle-realcode}"
runs="${RUNS:-5}"
checker_version=3.52.1
mkdir -p "$work/src" "$work/cp" "$work/findings" "$work/rlc"
java="${JAVA_HOME:-/usr}/bin/java"
javac="${JAVA_HOME:-/usr}/bin/javac"

# The checks, built from this checkout, and Error Prone's classpath.
(cd "$root" && mvn -B -q -o -pl errorprone-checks -am test-compile \
  && mvn -B -q -o -pl errorprone-checks org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
       -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt)
tools_cp="$root/errorprone-checks/target/classes:$(cat "$root/errorprone-checks/target/test-classpath.txt")"
exports=() jexports=()
while read -r flag value; do exports+=("$flag=$value"); jexports+=("-J$flag=$value"); done < "$root/.mvn/jvm.config"

# Writes a pom that depends on $2 (comma-separated coordinates) and resolves it into cp/$1.txt.
resolve() {
  local name="$1" deps="$2" dir="$work/cp/$1"
  [[ -s "$work/cp/$name.txt" || "$deps" == "-" ]] && { touch "$work/cp/$name.txt"; return; }
  mkdir -p "$dir"
  {
    echo '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
    echo "<groupId>realcode</groupId><artifactId>$name</artifactId><version>0</version><dependencies>"
    IFS=',' read -ra coords <<< "$deps"
    for c in "${coords[@]}"; do
      IFS=':' read -r g a v <<< "$c"
      echo "<dependency><groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version></dependency>"
    done
    echo '</dependencies></project>'
  } > "$dir/pom.xml"
  mvn -B -q -f "$dir/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
    -Dmdep.outputFile="$work/cp/$name.txt"
}

checkout() {
  local name="$1" url="$2" commit="$3" roots="$4" dir="$work/src/$1"
  if [[ ! -d "$dir/.git" ]]; then
    local from="$url" slug="${url#https://github.com/}"
    if [[ -n "${REALCODE_MIRRORS:-}" && -d "$REALCODE_MIRRORS/${slug/\//+}/repo" ]]; then
      from="$REALCODE_MIRRORS/${slug/\//+}/repo"
    fi
    git clone -q --no-checkout "$from" "$dir"
  fi
  IFS=',' read -ra rs <<< "$roots"
  git -C "$dir" checkout -q "$commit" -- "${rs[@]}"
}

projects=()
while IFS=$'\t' read -r name url commit roots release deps; do
  [[ "$name" == \#* || -z "$name" ]] && continue
  [[ -n "${REALCODE_ONLY:-}" && "$name" != "$REALCODE_ONLY" ]] && continue
  projects+=("$name")
  checkout "$name" "$url" "$commit" "$roots"
  resolve "$name" "$deps"
  IFS=',' read -ra rs <<< "$roots"
  cp="$(cat "$work/cp/$name.txt")"
  case "$mode" in
    findings|all)
      "$java" "${exports[@]}" -Ddev.lifecycle.errorprone.debug=true -cp "$tools_cp" "$here/RealCode.java" \
        findings "$work/src/$name" "$release" "${cp:-.}" "$work/findings/$name.tsv" "${rs[@]}" ;;&
    rlc|all)
      resolve checker "org.checkerframework:checker:$checker_version"
      files=$(for r in "${rs[@]}"; do find "$work/src/$name/$r" -name '*.java' ! -name module-info.java ! -name package-info.java; done)
      out="$(mktemp -d)"
      start=$(date +%s.%N)
      # shellcheck disable=SC2086
      "$javac" "${jexports[@]}" -J-Xmx3g -d "$out" --release "$release" -encoding UTF-8 -Xlint:none -Xmaxwarns 100000 -Xmaxerrs 100000 \
        -cp "${cp:+$cp:}$(tr ':' '\n' < "$work/cp/checker.txt" | grep checker-qual)" -processorpath "$(cat "$work/cp/checker.txt")" \
        -processor org.checkerframework.checker.resourceleak.ResourceLeakChecker -Awarns \
        $files > "$work/rlc/$name.log" 2>&1 || true
      end=$(date +%s.%N)
      rm -rf "$out"
      if grep -qE "threw an uncaught exception|^error: |Backtrace" "$work/rlc/$name.log"; then
        echo "$name: the Resource Leak Checker crashed, see $work/rlc/$name.log" >&2; exit 1
      fi
      grep -E '^.*\.java:[0-9]+: warning: \[' "$work/rlc/$name.log" > "$work/rlc/$name.txt" || true
      n=$(wc -l < "$work/rlc/$name.txt")
      printf '%s: Resource Leak Checker %s findings, %.0f s wall\n' "$name" "$n" "$(echo "$end - $start" | bc)" ;;&
    time|all)
      "$java" "${exports[@]}" -cp "$tools_cp" "$here/RealCode.java" \
        time "$runs" "$work/src/$name" "$release" "${cp:-.}" "${rs[@]}" ;;
  esac
done < "$here/projects.tsv"

if [[ "$mode" == findings || "$mode" == all ]]; then
  "$java" -cp "$tools_cp" "$here/RealCode.java" report "$here/triage.tsv" "$work/findings" "${projects[@]}"
fi
