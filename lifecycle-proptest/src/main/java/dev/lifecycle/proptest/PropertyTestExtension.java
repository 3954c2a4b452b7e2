package dev.lifecycle.proptest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Runs a {@link PropertyTest} method: one template invocation whose {@link ForAll} parameters are
 * placeholders for JUnit, and which calls the method once per try with generated arguments.
 * Registered by the annotation; users do not register it themselves.
 */
public final class PropertyTestExtension
    implements TestTemplateInvocationContextProvider, InvocationInterceptor {
  /** The key of the report entry that carries a property's statistics. */
  public static final String STATISTICS_ENTRY = "lifecycle.pbt.statistics";

  /** What the plain-API side of the property is given as its check: nothing is read from it. */
  private static final Object PLACEHOLDER = new Object();

  /** Created by JUnit through {@code @ExtendWith} on {@link PropertyTest}. */
  public PropertyTestExtension() {}

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context
        .getTestMethod()
        .map(m -> m.isAnnotationPresent(PropertyTest.class))
        .orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    return Stream.of(
        new TestTemplateInvocationContext() {
          @Override
          public String getDisplayName(int invocationIndex) {
            return "property";
          }

          @Override
          public List<org.junit.jupiter.api.extension.Extension> getAdditionalExtensions() {
            return List.of(new Placeholders());
          }
        });
  }

  /**
   * Resolves every {@code @ForAll} parameter to a placeholder of its type (null, or a primitive's
   * zero), which each try replaces with a generated value.
   */
  private static final class Placeholders implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.isAnnotated(ForAll.class);
    }

    @Override
    public @Nullable Object resolveParameter(
        ParameterContext parameter, ExtensionContext context) {
      Class<?> type = parameter.getParameter().getType();
      if (!type.isPrimitive()) {
        return null;
      }
      return java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(type, 1), 0);
    }
  }

  @Override
  public void interceptTestTemplateMethod(
      Invocation<@Nullable Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext) {
    invocation.skip();
    Method method = invocationContext.getExecutable();
    Object target = invocationContext.getTarget().orElse(null);
    PropertyTest annotation = method.getAnnotation(PropertyTest.class);
    // JUnit's resolved arguments; the @ForAll ones are placeholders until a try replaces them.
    List<Object> resolved = invocationContext.getArguments();
    Parameter[] parameters = method.getParameters();
    List<@Nullable Gen<?>> gens = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Parameter parameter : parameters) {
      ForAll forAll = parameter.getAnnotation(ForAll.class);
      gens.add(forAll == null ? null : generatorFor(method, target, parameter, forAll));
      if (forAll != null) {
        names.add(
            nameOf(parameter.isNamePresent(), parameter.getName(), forAll.value(), parameter.getType()));
      }
    }
    method.setAccessible(true);
    List<TryHook> hooks = TryHook.registered(extensionContext);
    Property<Object> property =
        Property.of(
            (unused, in, shown) -> {
              Object[] args = resolved.toArray();
              for (int i = 0; i < args.length; i++) {
                Gen<?> gen = gens.get(i);
                if (gen != null) {
                  args[i] = Property.argument(gen, in, shown);
                }
              }
              return () -> invokeWithHooks(hooks, extensionContext, method, target, args);
            },
            settings(annotation, method),
            names,
            method.getDeclaringClass().getSimpleName() + "." + method.getName());
    Statistics statistics = property.check(PLACEHOLDER);
    extensionContext.publishReportEntry(STATISTICS_ENTRY, statistics.toString());
  }

  /**
   * The parameter's name in reports: its source name when the class was compiled with {@code
   * -parameters}, else its generator's name and type ({@code arg0 (from "sizes", int)}), so a
   * counterexample still says which argument it is.
   */
  static String nameOf(boolean namePresent, String name, String provider, Class<?> type) {
    if (namePresent) {
      return name;
    }
    String typeName = type.getSimpleName();
    return provider.isEmpty()
        ? name + " (" + typeName + ")"
        : name + " (from \"" + provider + "\", " + typeName + ")";
  }


  /**
   * One try: the hooks' {@code beforeTry} in order, the method, then their {@code afterTry} in
   * reverse order, each even when an earlier part failed; the first failure is thrown, later ones
   * suppressed on it.
   */
  private static void invokeWithHooks(
      List<TryHook> hooks,
      ExtensionContext context,
      Method method,
      @Nullable Object target,
      Object[] args)
      throws Exception {
    if (hooks.isEmpty()) {
      invoke(method, target, args);
      return;
    }
    Throwable failure = null;
    int started = 0;
    for (TryHook hook : hooks) {
      try {
        hook.beforeTry(context);
        started++;
      } catch (Throwable t) { // user code; the try fails with it
        failure = t;
        break;
      }
    }
    if (failure == null) {
      try {
        invoke(method, target, args);
      } catch (Throwable t) { // the try's own failure, reported before any hook's
        failure = t;
      }
    }
    for (int i = started - 1; i >= 0; i--) {
      try {
        hooks.get(i).afterTry(context);
      } catch (Throwable t) { // user code; fails the try unless it failed already
        if (failure == null) {
          failure = t;
        } else {
          failure.addSuppressed(t);
        }
      }
    }
    if (failure instanceof Exception exception) {
      throw exception;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    if (failure != null) {
      throw new IllegalStateException("a try failed", failure);
    }
  }

  private static void invoke(Method method, @Nullable Object target, Object[] args)
      throws Exception {
    try {
      method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  private static Settings settings(PropertyTest annotation, Method method) {
    Settings settings = Settings.defaults();
    if (annotation.tries() != 0) {
      settings = settings.withTries(annotation.tries());
    }
    if (!annotation.seed().isBlank()) {
      try {
        settings = settings.withSeed(Long.parseLong(annotation.seed().strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "@PropertyTest(seed = \"" + annotation.seed() + "\") on " + method.getName()
                + " is not a long; copy the seed a failure reported",
            e);
      }
    }
    if (!annotation.maxDuration().isBlank()) {
      try {
        settings = settings.withMaxDuration(Duration.parse(annotation.maxDuration().strip()));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "@PropertyTest(maxDuration = \"" + annotation.maxDuration() + "\") on "
                + method.getName() + " is not an ISO-8601 duration; write e.g. \"PT30S\"",
            e);
      }
    }
    return settings;
  }

  private static Gen<?> generatorFor(
      Method method, @Nullable Object target, Parameter parameter, ForAll forAll) {
    if (forAll.value().isEmpty()) {
      Gen<?> byType = byType(parameter.getType());
      if (byType == null) {
        throw new ParameterResolutionException(
            "parameter "
                + parameter.getName()
                + " of "
                + method.getName()
                + " has type "
                + parameter.getType().getSimpleName()
                + ", which has no default generator; name a method that returns its Gen:"
                + " @ForAll(\"methodName\")");
      }
      return byType;
    }
    Method provider = findProvider(method.getDeclaringClass(), forAll.value());
    if (provider == null || !Gen.class.isAssignableFrom(provider.getReturnType())) {
      throw new ParameterResolutionException(
          "@ForAll(\""
              + forAll.value()
              + "\") on parameter "
              + parameter.getName()
              + " of "
              + method.getName()
              + ": no method "
              + forAll.value()
              + "() returning a Gen in "
              + method.getDeclaringClass().getName()
              + "; add one, without parameters");
    }
    try {
      provider.setAccessible(true);
      Object gen =
          provider.invoke(Modifier.isStatic(provider.getModifiers()) ? null : target);
      if (gen == null) {
        throw new ParameterResolutionException(
            forAll.value() + "() returned null; return a Gen");
      }
      return (Gen<?>) gen;
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new ParameterResolutionException(
          "calling " + forAll.value() + "() for a generator failed: " + e, e);
    }
  }

  private static @Nullable Method findProvider(Class<?> type, String name) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method candidate : c.getDeclaredMethods()) {
        if (candidate.getName().equals(name) && candidate.getParameterCount() == 0) {
          return candidate;
        }
      }
    }
    return null;
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // the enum type comes from the parameter
  private static @Nullable Gen<?> byType(Class<?> type) {
    if (type == int.class || type == Integer.class) {
      return Gen.ints();
    }
    if (type == long.class || type == Long.class) {
      return Gen.longs();
    }
    if (type == boolean.class || type == Boolean.class) {
      return Gen.booleans();
    }
    if (type == String.class) {
      return Gen.strings();
    }
    if (type.isEnum()) {
      return Gen.enumValues((Class) type);
    }
    return null;
  }
}
