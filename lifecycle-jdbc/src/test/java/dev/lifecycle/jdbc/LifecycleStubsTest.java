package dev.lifecycle.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.TypeVariable;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * errorprone-checks cannot depend on lifecycle-core, so its tests compile against stubs of
 * lifecycle's types ({@code errorprone-checks/src/test/resources/corpus/stubs}). This module sees
 * both: it compiles the stubs and compares them by reflection with the real classes, so a change of
 * the real API that the stubs do not follow fails here.
 *
 * <p>A stub may leave members out; every member it has must be the real one: the same modifiers,
 * type parameters, result, parameters and checked exceptions. The stub type itself must be the same
 * kind of type (final class, interface, annotation) with the same type parameters, the real type's
 * supertypes among its own, and the same lifecycle annotations ({@code @MustClose} changes what the
 * checks do), {@code @Target} and {@code @Retention}.
 */
final class LifecycleStubsTest {
  private static final Path STUBS =
      Path.of("..", "errorprone-checks", "src", "test", "resources", "corpus", "stubs");

  @TempDir Path classes;

  @Test
  void stubs_matchTheRealApi() throws Exception {
    List<String> names = compileStubs();
    assertThat(names).contains("dev.lifecycle.core.Scope", "dev.lifecycle.jdbc.Session");
    try (StubLoader loader = new StubLoader(classes)) {
      List<String> drift = new ArrayList<>();
      for (String name : names) {
        Class<?> stub = loader.loadClass(name);
        Class<?> real = Class.forName(name);
        assertThat(stub.getClassLoader()).as("%s is the stub", name).isSameAs(loader);
        drift.addAll(typeDrift(stub, real));
        drift.addAll(memberDrift(stub, real));
      }
      assertThat(drift).as("stubs that differ from the real API").isEmpty();
    }
  }

  @Test
  void memberDrift_changedResult_isFound() throws Exception {
    // The guard itself: a stub whose transfer returns void, as the stubs once had it, is caught.
    Path source = classes.resolve("src/dev/lifecycle/core/Scope.java");
    Files.createDirectories(source.getParent());
    Files.writeString(
        source,
        """
        package dev.lifecycle.core;
        public final class Scope implements AutoCloseable {
          public <T extends AutoCloseable> void transfer(T resource, Scope target) {}
          @Override public void close() {}
        }
        """);
    Path out = classes.resolve("out");
    compile(List.of(source), out);
    try (StubLoader loader = new StubLoader(out)) {
      Class<?> stub = loader.loadClass("dev.lifecycle.core.Scope");
      assertThat(stub.getClassLoader()).isSameAs(loader);

      assertThat(memberDrift(stub, dev.lifecycle.core.Scope.class))
          .singleElement()
          .asString()
          .contains("void dev.lifecycle.core.Scope.transfer(T,dev.lifecycle.core.Scope)");
    }
  }

  private List<String> compileStubs() throws IOException {
    List<Path> sources;
    try (Stream<Path> files = Files.walk(STUBS)) {
      sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
    compile(sources, classes);
    return sources.stream()
        .map(f -> STUBS.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "."))
        .map(n -> n.substring(0, n.length() - ".java".length()))
        .toList();
  }

  private static void compile(List<Path> sources, Path out) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> arguments = new ArrayList<>(List.of("-proc:none", "-d", out.toString()));
    sources.forEach(s -> arguments.add(s.toString()));
    int status = javac.run(null, null, null, arguments.toArray(String[]::new));
    assertThat(status).as("javac on %s", sources).isZero();
  }

  private static List<String> typeDrift(Class<?> stub, Class<?> real) {
    List<String> drift = new ArrayList<>();
    String name = real.getName();
    if (stub.isInterface() != real.isInterface()
        || stub.isAnnotation() != real.isAnnotation()
        || Modifier.isFinal(stub.getModifiers()) != Modifier.isFinal(real.getModifiers())
        || Modifier.isAbstract(stub.getModifiers()) != Modifier.isAbstract(real.getModifiers())) {
      drift.add(name + ": stub is `" + kind(stub) + "`, real is `" + kind(real) + "`");
    }
    if (!typeParameters(stub).equals(typeParameters(real))) {
      drift.add(
          name
              + ": stub has type parameters "
              + typeParameters(stub)
              + ", real "
              + typeParameters(real));
    }
    Set<String> stubSupertypes = names(stub.getInterfaces());
    if (!names(real.getInterfaces()).containsAll(stubSupertypes)) {
      drift.add(
          name + ": stub implements " + stubSupertypes + ", real " + names(real.getInterfaces()));
    }
    if (!lifecycleAnnotations(stub).equals(lifecycleAnnotations(real))) {
      drift.add(
          name
              + ": stub is annotated "
              + lifecycleAnnotations(stub)
              + ", real "
              + lifecycleAnnotations(real));
    }
    if (real.isAnnotation()) {
      if (!String.valueOf(targets(stub)).equals(String.valueOf(targets(real)))
          || !String.valueOf(retention(stub)).equals(String.valueOf(retention(real)))) {
        drift.add(
            name
                + ": stub has @Target "
                + targets(stub)
                + " @Retention "
                + retention(stub)
                + ", real "
                + targets(real)
                + " "
                + retention(real));
      }
    }
    return drift;
  }

  private static List<String> memberDrift(Class<?> stub, Class<?> real) {
    Set<String> realMembers = new TreeSet<>();
    for (Method method : real.getDeclaredMethods()) {
      realMembers.add(method.toGenericString());
    }
    List<String> drift = new ArrayList<>();
    for (Method method : stub.getDeclaredMethods()) {
      if (Modifier.isPublic(method.getModifiers())
          && !method.isSynthetic()
          && !realMembers.contains(method.toGenericString())) {
        drift.add(
            real.getName()
                + ": stub has `"
                + method.toGenericString()
                + "`, real has "
                + realMembers.stream()
                    .filter(m -> m.contains("." + method.getName() + "("))
                    .collect(Collectors.toList()));
      }
    }
    return drift;
  }

  private static String kind(Class<?> type) {
    String what = type.isAnnotation() ? "@interface" : type.isInterface() ? "interface" : "class";
    return (Modifier.toString(type.getModifiers() & (Modifier.FINAL | Modifier.ABSTRACT))
            + " "
            + what)
        .strip();
  }

  private static List<String> typeParameters(Class<?> type) {
    List<String> parameters = new ArrayList<>();
    for (TypeVariable<?> parameter : type.getTypeParameters()) {
      parameters.add(
          parameter.getName()
              + " extends "
              + Arrays.stream(parameter.getBounds()).map(b -> b.getTypeName()).toList());
    }
    return parameters;
  }

  private static Set<String> names(Class<?>[] types) {
    return Arrays.stream(types).map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> lifecycleAnnotations(Class<?> type) {
    Set<String> annotations = new TreeSet<>();
    for (Annotation annotation : type.getAnnotations()) {
      String name = annotation.annotationType().getName();
      if (name.startsWith("dev.lifecycle.")) {
        annotations.add(name);
      }
    }
    return annotations;
  }

  private static List<String> targets(Class<?> annotation) {
    Target target = annotation.getAnnotation(Target.class);
    return target == null
        ? List.of()
        : Arrays.stream(target.value()).map(Enum::name).sorted().toList();
  }

  private static String retention(Class<?> annotation) {
    Retention retention = annotation.getAnnotation(Retention.class);
    return retention == null ? "CLASS" : retention.value().name();
  }

  /**
   * Loads lifecycle's types from the compiled stubs, never from the real modules: the platform
   * loader would hand a {@code dev.lifecycle} class back to the application loader, so the stubs
   * would be compared with themselves.
   */
  private static final class StubLoader extends URLClassLoader {
    StubLoader(Path classes) throws IOException {
      super(new URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("dev.lifecycle.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          loaded = findClass(name);
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }
  }
}
