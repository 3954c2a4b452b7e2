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
    link = "https://github.com/lifecycle-dev/lifecycle/blob/main/errorprone-checks/docs/OwningFieldNotClosed.md",
    linkType = CUSTOM,
    altNames = "resource",
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
    this(Settings.from(flags));
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
    reportOverwrites(tree, owning.keySet(), state);
    Set<Symbol> closedElsewhere = closedAnywhere(tree);
    for (Tree enclosing : state.getPath().getParentPath() == null
        ? List.<Tree>of()
        : state.getPath().getParentPath()) {
      if (enclosing instanceof ClassTree outer) {
        closedElsewhere.addAll(closedAnywhere(outer)); // the enclosing class's close() closes it
      }
    }
    owning.keySet().removeAll(closedElsewhere);
    if (owning.isEmpty()) {
      return Description.NO_MATCH;
    }
    Map<Symbol.MethodSymbol, MethodTree> methods = new HashMap<>();
    List<MethodTree> closers = new ArrayList<>();
    for (Tree member : tree.getMembers()) {
      if (member instanceof MethodTree method && method.getBody() != null) {
        Symbol.MethodSymbol symbol = ASTHelpers.getSymbol(method);
        methods.put(symbol, method);
        if (Ownership.isClose(symbol) || isTearDown(symbol) || isReleasing(symbol)) {
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
   * A lifecycle method that ends the object's life besides {@code close()}: {@code stop()},
   * {@code shutdown()}, {@code disconnect()}, {@code reallyClose()}, {@code dispose()}, ...
   */
  private static boolean isReleasing(Symbol.MethodSymbol method) {
    String name = method.getSimpleName().toString();
    return !method.isStatic()
        && (Callees.RELEASING_NAMES.contains(name)
            || name.toLowerCase(java.util.Locale.ROOT).contains("close"));
  }

  /**
   * Fields of {@code tree} that some method closes: {@code f.close()}, {@code f.stop()}, {@code
   * closeQuietly(f)}, {@code closeSockets(a, b)}, {@code cleanerFor(f).closeAndSuppress(t)}: a call
   * named to close or release anything that mentions the field.
   */
  private static Set<Symbol> closedAnywhere(Tree tree) {
    Set<Symbol> closed = new HashSet<>();
    new TreeScanner<@Nullable Void, @Nullable Void>() {
      @Override
      public @Nullable Void visitMethodInvocation(
          MethodInvocationTree call, @Nullable Void unused) {
        Symbol.MethodSymbol callee = ASTHelpers.getSymbol(call);
        if (callee != null) {
          String name = callee.getSimpleName().toString();
          if (Callees.RELEASING_NAMES.contains(name)
              || name.toLowerCase(java.util.Locale.ROOT).contains("close")) {
            new TreeScanner<@Nullable Void, @Nullable Void>() {
              @Override
              public @Nullable Void visitIdentifier(IdentifierTree id, @Nullable Void u) {
                Symbol symbol = ASTHelpers.getSymbol(id);
                if (symbol != null && symbol.getKind() == ElementKind.FIELD) {
                  closed.add(symbol);
                }
                return null;
              }

              @Override
              public @Nullable Void visitMemberSelect(MemberSelectTree select, @Nullable Void u) {
                Symbol symbol = ASTHelpers.getSymbol(select);
                if (symbol != null && symbol.getKind() == ElementKind.FIELD) {
                  closed.add(symbol);
                }
                return super.visitMemberSelect(select, null);
              }
            }.scan(call, null);
          }
        }
        return super.visitMethodInvocation(call, null);
      }
    }.scan(tree, null);
    return closed;
  }

  /**
   * An owning field that already holds a resource (it has an initializer, or a constructor
   * assigns it) and that a method assigns a fresh resource without closing or checking the old
   * value first: the old one leaks.
   */
  private void reportOverwrites(
      ClassTree tree, Set<Symbol.VarSymbol> owning, VisitorState state) {
    Set<Symbol> initialised = new HashSet<>();
    for (Tree member : tree.getMembers()) {
      if (member instanceof VariableTree field && field.getInitializer() != null) {
        initialised.add(ASTHelpers.getSymbol(field));
      } else if (member instanceof MethodTree method
          && method.getBody() != null
          && ASTHelpers.getSymbol(method).isConstructor()) {
        initialised.addAll(assignedFields(method));
      }
    }
    initialised.retainAll(owning);
    if (initialised.isEmpty()) {
      return;
    }
    for (Tree member : tree.getMembers()) {
      if (!(member instanceof MethodTree method)
          || method.getBody() == null
          || ASTHelpers.getSymbol(method).isConstructor()) {
        continue;
      }
      Set<Symbol> guarded = closedOrChecked(method);
      new TreeScanner<@Nullable Void, @Nullable Void>() {
        @Override
        public @Nullable Void visitAssignment(AssignmentTree assignment, @Nullable Void unused) {
          Symbol target = ASTHelpers.getSymbol(assignment.getVariable());
          if (target != null
              && initialised.contains(target)
              && !guarded.contains(target)
              && isFresh(assignment.getExpression(), state)) {
            state.reportMatch(
                buildDescription(assignment)
                    .setMessage(
                        "`"
                            + target.getSimpleName()
                            + "` is given a new resource while it may still hold an open one,"
                            + " which then nobody closes; close the old value first")
                    .build());
          }
          return super.visitAssignment(assignment, null);
        }

        @Override
        public @Nullable Void visitClass(ClassTree nested, @Nullable Void unused) {
          return null;
        }

        @Override
        public @Nullable Void visitLambdaExpression(
            com.sun.source.tree.LambdaExpressionTree lambda, @Nullable Void unused) {
          return null;
        }
      }.scan(method.getBody(), null);
    }
  }

  private static Set<Symbol> assignedFields(MethodTree method) {
    Set<Symbol> assigned = new HashSet<>();
    new TreeScanner<@Nullable Void, @Nullable Void>() {
      @Override
      public @Nullable Void visitAssignment(AssignmentTree assignment, @Nullable Void unused) {
        Symbol target = ASTHelpers.getSymbol(assignment.getVariable());
        if (target != null && target.getKind() == ElementKind.FIELD) {
          assigned.add(target);
        }
        return super.visitAssignment(assignment, null);
      }
    }.scan(method.getBody(), null);
    return assigned;
  }

  /** Fields a method closes, releases, compares with null, or reads into a local first. */
  private static Set<Symbol> closedOrChecked(MethodTree method) {
    Set<Symbol> guarded = new HashSet<>(closedAnywhere(method));
    new TreeScanner<@Nullable Void, @Nullable Void>() {
      @Override
      public @Nullable Void visitBinary(com.sun.source.tree.BinaryTree binary, @Nullable Void u) {
        note(binary.getLeftOperand());
        note(binary.getRightOperand());
        return super.visitBinary(binary, null);
      }

      @Override
      public @Nullable Void visitVariable(VariableTree variable, @Nullable Void u) {
        if (variable.getInitializer() != null) {
          note(variable.getInitializer()); // Socket old = this.socket; ... old.close()
        }
        return super.visitVariable(variable, null);
      }

      private void note(ExpressionTree e) {
        Symbol symbol = ASTHelpers.getSymbol(e);
        if (symbol != null && symbol.getKind() == ElementKind.FIELD) {
          guarded.add(symbol);
        }
      }
    }.scan(method.getBody(), null);
    return guarded;
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
