package dev.lifecycle.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * Flags an owning field that nothing closes: the class is not {@code AutoCloseable}, or its
 * {@code close()} never touches the field (directly or through a method of the same class it
 * calls). A field owns its value when it is annotated {@code @Owning}, or when the class itself
 * stores a resource it created (or received through an {@code @Owning} parameter) in it. A field
 * that is only handed resources from outside is borrowed, and not flagged. Methods a framework
 * calls at the end of the object's life ({@code @TearDown}, {@code @AfterEach}, {@code
 * @PreDestroy}, ...) count as closing methods, and JUnit's {@code @AutoClose} fields are closed.
 */
@BugPattern(
    summary = "A field owns a resource that the class never closes",
    link = Docs.PAGES + "OwningFieldNotClosed.md",
    linkType = CUSTOM,
    severity = ERROR)
public final class OwningFieldNotClosed extends BugChecker implements BugChecker.ClassTreeMatcher {
  private static final long serialVersionUID = 1L;

  private static final Set<String> TEAR_DOWN =
      Set.of("TearDown", "AfterEach", "AfterAll", "After", "AfterClass", "PreDestroy");

  private final transient Settings settings;

  /** Creates the check with no project-specific settings. */
  public OwningFieldNotClosed() {
    this(Settings.DEFAULT);
  }

  /** Creates the check with the {@code -XepOpt:UnclosedResource:ResourceTypes} flag. */
  @Inject
  public OwningFieldNotClosed(ErrorProneFlags flags) {
    this(Settings.lenient(flags));
  }

  private OwningFieldNotClosed(Settings settings) {
    this.settings = settings;
  }

  @Override
  public Description matchClass(ClassTree tree, VisitorState state) {
    Symbol.ClassSymbol type = ASTHelpers.getSymbol(tree);
    if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
      return Description.NO_MATCH;
    }
    Map<Symbol.VarSymbol, VariableTree> owning = owningFields(tree, state);
    owning.keySet().removeIf(field -> isSuppressed(field, state) || isClosedByFramework(field));
    if (owning.isEmpty()) {
      return Description.NO_MATCH;
    }
    Map<Symbol.MethodSymbol, MethodTree> methods = new HashMap<>();
    List<MethodTree> closers = new ArrayList<>();
    for (Tree member : tree.getMembers()) {
      if (member instanceof MethodTree method && method.getBody() != null) {
        Symbol.MethodSymbol symbol = ASTHelpers.getSymbol(method);
        methods.put(symbol, method);
        if (Ownership.isClose(symbol) || isTearDown(symbol)) {
          closers.add(method);
        }
      }
    }
    if (closers.isEmpty()
        && !ResourceTypes.isAutoCloseable(type.type, state)
        && !ResourceTypes.isResource(type.type, state, settings)) {
      owning.forEach(
          (field, declaration) ->
              state.reportMatch(
                  buildDescription(declaration)
                      .setMessage(
                          "`"
                              + type.getSimpleName()
                              + "` owns `"
                              + field.getSimpleName()
                              + "` but is not AutoCloseable, so nothing can close it; make `"
                              + type.getSimpleName()
                              + "` AutoCloseable and close `"
                              + field.getSimpleName()
                              + "` in close(), or mark the field @Borrowed if somebody else"
                              + " closes it")
                      .build()));
      return Description.NO_MATCH;
    }
    if (closers.isEmpty()) {
      return Description.NO_MATCH; // close() is inherited: the superclass may close it
    }
    Set<Symbol> touched = touchedFrom(closers, methods);
    owning.forEach(
        (field, declaration) -> {
          if (!touched.contains(field)) {
            state.reportMatch(
                buildDescription(declaration)
                    .setMessage(
                        "`"
                            + field.getSimpleName()
                            + "` owns a resource, but `"
                            + type.getSimpleName()
                            + ".close()` never closes it; close it there (in reverse order of"
                            + " creation), or mark the field @Borrowed if somebody else closes it")
                    .build());
          }
        });
    return Description.NO_MATCH;
  }

  /** Fields of {@code tree} that own their value. */
  private Map<Symbol.VarSymbol, VariableTree> owningFields(ClassTree tree, VisitorState state) {
    Map<Symbol.VarSymbol, VariableTree> candidates = new LinkedHashMap<>();
    for (Tree member : tree.getMembers()) {
      if (member instanceof VariableTree field) {
        Symbol.VarSymbol symbol = ASTHelpers.getSymbol(field);
        if (symbol.getModifiers().contains(Modifier.STATIC)
            || ASTHelpers.hasAnnotation(symbol, ResourceTypes.BORROWED, state)) {
          continue;
        }
        if (ASTHelpers.hasAnnotation(symbol, ResourceTypes.OWNING, state)
            || ResourceTypes.isResource(symbol.type, state, settings)) {
          candidates.put(symbol, field);
        }
      }
    }
    if (candidates.isEmpty()) {
      return candidates;
    }
    Map<Symbol.VarSymbol, VariableTree> owning = new LinkedHashMap<>();
    candidates.forEach(
        (symbol, field) -> {
          if (ASTHelpers.hasAnnotation(symbol, ResourceTypes.OWNING, state)
              || (field.getInitializer() != null && isFresh(field.getInitializer(), state))) {
            owning.put(symbol, field);
          }
        });
    new TreeScanner<@Nullable Void, @Nullable Void>() {
      @Override
      public @Nullable Void visitAssignment(AssignmentTree assignment, @Nullable Void unused) {
        Symbol target = ASTHelpers.getSymbol(assignment.getVariable());
        if (target instanceof Symbol.VarSymbol field
            && candidates.containsKey(field)
            && isFresh(assignment.getExpression(), state)) {
          owning.putIfAbsent(field, candidates.get(field));
        }
        return super.visitAssignment(assignment, null);
      }

      @Override
      public @Nullable Void visitClass(ClassTree nested, @Nullable Void unused) {
        return nested == tree ? super.visitClass(nested, null) : null;
      }
    }.scan(tree, null);
    return owning;
  }

  /**
   * Whether {@code expression} is a resource the class creates itself: a constructor call or a
   * factory call that wraps nothing borrowed, or an {@code @Owning} parameter.
   */
  private boolean isFresh(ExpressionTree expression, VisitorState state) {
    ExpressionTree e = expression;
    while (e instanceof ParenthesizedTree || e instanceof TypeCastTree) {
      e = e instanceof ParenthesizedTree p ? p.getExpression() : ((TypeCastTree) e).getExpression();
    }
    if (e instanceof IdentifierTree identifier) {
      Symbol symbol = ASTHelpers.getSymbol(identifier);
      return symbol != null
          && symbol.getKind() == ElementKind.PARAMETER
          && ASTHelpers.hasAnnotation(symbol, ResourceTypes.OWNING, state);
    }
    Type type = ASTHelpers.getType(e);
    if (type == null) {
      return false;
    }
    if (e instanceof NewClassTree created) {
      return created.getClassBody() == null
          && ResourceTypes.isResource(type, state, settings)
          && argumentsFresh(created.getArguments(), state);
    }
    if (e instanceof MethodInvocationTree call) {
      Symbol.MethodSymbol method = ASTHelpers.getSymbol(call);
      return Ownership.isFactory(method, type, state, settings)
          && !Ownership.isDependentResult(method)
          && argumentsFresh(call.getArguments(), state);
    }
    return false;
  }

  /** Wrapped resources must be fresh too: {@code new BufferedReader(borrowed)} owns nothing. */
  private boolean argumentsFresh(
      List<? extends ExpressionTree> arguments, VisitorState state) {
    for (ExpressionTree argument : arguments) {
      Type type = ASTHelpers.getType(argument);
      if (type != null
          && !type.isPrimitive()
          && ResourceTypes.isAutoCloseable(type, state)
          && !isFresh(argument, state)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A method a framework calls at the end of the object's life: JMH's {@code @TearDown}, JUnit's
   * {@code @AfterEach}/{@code @AfterAll}/{@code @After}/{@code @AfterClass}, {@code @PreDestroy}.
   */
  private static boolean isTearDown(Symbol.MethodSymbol method) {
    for (Attribute.Compound annotation : method.getRawAttributes()) {
      if (TEAR_DOWN.contains(annotation.type.tsym.getSimpleName().toString())) {
        return true;
      }
    }
    return false;
  }

  /** JUnit's {@code @AutoClose} fields are closed by the test engine. */
  private static boolean isClosedByFramework(Symbol.VarSymbol field) {
    for (Attribute.Compound annotation : field.getRawAttributes()) {
      if (annotation.type.tsym.getSimpleName().contentEquals("AutoClose")) {
        return true;
      }
    }
    return false;
  }

  /** Fields read in the closing methods or in the methods of the class they call, transitively. */
  private static Set<Symbol> touchedFrom(
      List<MethodTree> closers, Map<Symbol.MethodSymbol, MethodTree> methods) {
    Set<Symbol> touched = new HashSet<>();
    Set<Symbol.MethodSymbol> seen = new HashSet<>();
    Deque<MethodTree> work = new ArrayDeque<>(closers);
    while (!work.isEmpty()) {
      MethodTree method = work.poll();
      new TreeScanner<@Nullable Void, @Nullable Void>() {
        @Override
        public @Nullable Void visitIdentifier(IdentifierTree identifier, @Nullable Void unused) {
          note(ASTHelpers.getSymbol(identifier));
          return null;
        }

        @Override
        public @Nullable Void visitMemberSelect(MemberSelectTree select, @Nullable Void unused) {
          note(ASTHelpers.getSymbol(select));
          return super.visitMemberSelect(select, null);
        }

        @Override
        public @Nullable Void visitMethodInvocation(
            MethodInvocationTree call, @Nullable Void unused) {
          Symbol.MethodSymbol callee = ASTHelpers.getSymbol(call);
          MethodTree body = methods.get(callee);
          if (body != null && seen.add(callee)) {
            work.add(body);
          }
          return super.visitMethodInvocation(call, null);
        }

        private void note(@Nullable Symbol symbol) {
          if (symbol != null) {
            touched.add(symbol);
          }
        }
      }.scan(method.getBody(), null);
    }
    return touched;
  }
}
