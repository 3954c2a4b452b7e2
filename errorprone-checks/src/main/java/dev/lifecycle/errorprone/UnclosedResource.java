package dev.lifecycle.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Flags a resource created in a method and not closed on every path out of it, exceptional paths
 * included. The analysis is a forward dataflow over the method's control-flow graph ({@link
 * LeakAnalysis}); ownership legitimately leaves the method by return, by a store into a field, by
 * an {@code @Owning} parameter, {@code Scope.own}, a wrapper that takes the resource over, or a
 * method named in {@code -XepOpt:UnclosedResource:OwningMethods}. Anything the analysis does not
 * understand makes it stay silent.
 */
@BugPattern(
    summary = "A resource created here is not closed on every path out of the method",
    link = "https://github.com/lifecycle-dev/lifecycle/blob/main/errorprone-checks/docs/UnclosedResource.md",
    linkType = CUSTOM,
    altNames = "resource",
    severity = ERROR)
public final class UnclosedResource extends BugChecker
    implements BugChecker.MethodTreeMatcher, BugChecker.LambdaExpressionTreeMatcher {
  private static final long serialVersionUID = 1L;

  /** Set in this module's own tests, so that a crash fails a test instead of becoming a note. */
  static final String DEBUG_PROPERTY = AnalysisFailures.DEBUG_PROPERTY;

  private final transient Settings settings;

  /** Creates the check with no project-specific settings. */
  public UnclosedResource() {
    this(Settings.DEFAULT);
  }

  /** Creates the check with the {@code -XepOpt:UnclosedResource:...} flags. */
  @Inject
  public UnclosedResource(ErrorProneFlags flags) {
    this(Settings.from(flags));
  }

  private UnclosedResource(Settings settings) {
    this.settings = settings;
  }

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    try {
      if (tree.getBody() != null && createsResource(state.getPath(), tree.getBody(), state)) {
        report(LeakAnalysis.run(state.getPath(), state, settings), state);
      }
    } catch (RuntimeException | AssertionError e) {
      // Code the analysis does not understand: never crash javac, never stay silent either.
      state.reportMatch(
          AnalysisFailures.note(
              buildDescription(tree), "`" + tree.getName() + "`", e, settings));
    }
    return Description.NO_MATCH;
  }

  @Override
  public Description matchLambdaExpression(LambdaExpressionTree tree, VisitorState state) {
    try {
      if (createsResource(state.getPath(), tree.getBody(), state)) {
        report(LeakAnalysis.run(state.getPath(), state, settings), state);
      }
    } catch (RuntimeException | AssertionError e) {
      state.reportMatch(AnalysisFailures.note(buildDescription(tree), "a lambda", e, settings));
    }
    return Description.NO_MATCH;
  }

  private void report(List<LeakAnalysis.Leak> leaks, VisitorState state) {
    for (LeakAnalysis.Leak leak : leaks) {
      TreePath path = TreePath.getPath(state.getPath(), leak.allocation());
      if (path == null || isSuppressedLocally(path)) {
        continue;
      }
      Description.Builder description =
          buildDescription(leak.allocation())
              .setMessage(
                  "the resource created by `"
                      + describe(leak.allocation(), state)
                      + "` "
                      + leak.path()
                      + "; close it with try-with-resources, or hand it to an owner"
                      + " (return it, store it in a field of a class that closes it, Scope.own)");
      TryWithResources.fix(path, state).ifPresent(description::addFix);
      state.reportMatch(description.build());
    }
  }

  /**
   * A cheap pre-scan: only methods that create something the analysis tracks are analysed, and a
   * creation that is at once a try-with-resources resource, returned, or stored in a field needs
   * no analysis.
   */
  private boolean createsResource(TreePath method, Tree body, VisitorState state) {
    Boolean found =
        new TreePathScanner<Boolean, @Nullable Void>() {
          @Override
          public Boolean visitNewClass(NewClassTree tree, @Nullable Void unused) {
            Type type = ASTHelpers.getType(tree);
            if (type != null
                && ResourceTypes.isResource(type, state, settings)
                && !isOwnedAtOnce(getCurrentPath())) {
              return true;
            }
            return orFalse(super.visitNewClass(tree, null));
          }

          @Override
          public Boolean visitMethodInvocation(MethodInvocationTree tree, @Nullable Void unused) {
            Type type = ASTHelpers.getType(tree);
            if (type != null && !type.isPrimitiveOrVoid()) {
              Symbol.MethodSymbol method = ASTHelpers.getSymbol(tree);
              if ((Ownership.isFactory(method, type, state, settings)
                      || Ownership.isScopeMethod(method, "release", state))
                  && !isOwnedAtOnce(getCurrentPath())) {
                return true;
              }
            }
            return orFalse(super.visitMethodInvocation(tree, null));
          }

          @Override
          public Boolean visitClass(ClassTree tree, @Nullable Void unused) {
            return false; // analysed as methods of their own
          }

          @Override
          public Boolean visitLambdaExpression(LambdaExpressionTree tree, @Nullable Void unused) {
            return false; // analysed on its own
          }

          @Override
          public Boolean reduce(@Nullable Boolean a, @Nullable Boolean b) {
            return orFalse(a) || orFalse(b);
          }
        }.scan(new TreePath(method, body), null);
    return orFalse(found);
  }

  /**
   * {@code try (T x = new ..)}, {@code return new ..}, {@code this.f = new ..} outside a
   * constructor (in a constructor, a later step that throws loses the object and the field).
   */
  private static boolean isOwnedAtOnce(TreePath creation) {
    TreePath parent = creation.getParentPath();
    if (parent == null) {
      return false;
    }
    Tree leaf = parent.getLeaf();
    if (leaf instanceof ReturnTree || leaf instanceof LambdaExpressionTree) {
      return true;
    }
    if (leaf instanceof AssignmentTree assignment) {
      Symbol target = ASTHelpers.getSymbol(assignment.getVariable());
      MethodTree method = ASTHelpers.findEnclosingNode(creation, MethodTree.class);
      return assignment.getExpression() == creation.getLeaf()
          && target != null
          && target.getKind() == ElementKind.FIELD
          && (method == null || !ASTHelpers.getSymbol(method).isConstructor());
    }
    TreePath grandparent = parent.getParentPath();
    return leaf instanceof VariableTree variable
        && grandparent != null
        && grandparent.getLeaf() instanceof TryTree tryTree
        && tryTree.getResources().contains(variable);
  }

  private static boolean orFalse(@Nullable Boolean value) {
    return value != null && value;
  }

  /** {@code @SuppressWarnings("UnclosedResource")} on the local that holds the resource. */
  private static boolean isSuppressedLocally(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MethodTree) {
        return false;
      }
      if (leaf instanceof VariableTree variable) {
        SuppressWarnings suppressed =
            ASTHelpers.getSymbol(variable).getAnnotation(SuppressWarnings.class);
        return suppressed != null
            && (List.of(suppressed.value()).contains("UnclosedResource")
                || List.of(suppressed.value()).contains("resource"));
      }
    }
    return false;
  }

  private static String describe(Tree allocation, VisitorState state) {
    if (allocation instanceof NewClassTree created) {
      return "new " + state.getSourceForNode(created.getIdentifier()) + "(..)";
    }
    if (allocation instanceof MethodInvocationTree call) {
      Symbol.MethodSymbol method = ASTHelpers.getSymbol(call);
      String owner = method.isStatic() ? method.owner.getSimpleName() + "." : "";
      return owner + method.getSimpleName() + "(..)";
    }
    return String.valueOf(state.getSourceForNode(allocation));
  }

  /** Wraps a local's declaration and its contiguous uses in try-with-resources. */
  static final class TryWithResources {
    private TryWithResources() {}

    /**
     * The fix for a resource assigned to a local at its declaration, when every use of the local is
     * in the statements that follow it in the same block and the local does not escape them.
     */
    static Optional<SuggestedFix> fix(TreePath allocation, VisitorState state) {
      TreePath parent = allocation.getParentPath();
      if (parent == null
          || !(parent.getLeaf() instanceof VariableTree declaration)
          || declaration.getInitializer() != allocation.getLeaf()
          || parent.getParentPath() == null
          || !(parent.getParentPath().getLeaf() instanceof BlockTree block)) {
        return Optional.empty();
      }
      Symbol.VarSymbol local = ASTHelpers.getSymbol(declaration);
      List<? extends StatementTree> statements = block.getStatements();
      int at = statements.indexOf(declaration);
      int last = at;
      for (int i = at + 1; i < statements.size(); i++) {
        if (mentions(statements.get(i), Set.of(local))) {
          last = i;
        }
      }
      if (last == at) {
        return Optional.empty();
      }
      int bodyEnd = last;
      if (isCloseOf(statements.get(last), local)) {
        bodyEnd = last - 1;
      }
      Set<Symbol> declaredInside = new HashSet<>();
      for (int i = at + 1; i <= last; i++) {
        if (statements.get(i) instanceof VariableTree inner) {
          declaredInside.add(ASTHelpers.getSymbol(inner));
        }
      }
      for (int i = last + 1; i < statements.size(); i++) {
        if (mentions(statements.get(i), declaredInside)) {
          return Optional.empty(); // the block would hide a local that later statements read
        }
      }
      String source = state.getSourceCode() == null ? "" : state.getSourceCode().toString();
      String resource = state.getSourceForNode(declaration);
      if (source.isEmpty() || resource == null) {
        return Optional.empty();
      }
      resource = resource.strip();
      if (resource.endsWith(";")) {
        resource = resource.substring(0, resource.length() - 1);
      }
      String body =
          bodyEnd > at
              ? source.substring(
                  ASTHelpers.getStartPosition(statements.get(at + 1)),
                  state.getEndPosition(statements.get(bodyEnd)))
              : "";
      String replacement = "try (" + resource + ") {\n" + body + "\n}";
      return Optional.of(
          SuggestedFix.builder()
              .replace(
                  ASTHelpers.getStartPosition(declaration),
                  state.getEndPosition(statements.get(last)),
                  replacement)
              .build());
    }

    private static boolean isCloseOf(StatementTree statement, Symbol local) {
      return statement instanceof ExpressionStatementTree expression
          && expression.getExpression() instanceof MethodInvocationTree call
          && Ownership.isClose(ASTHelpers.getSymbol(call))
          && ASTHelpers.getReceiver(call) instanceof IdentifierTree receiver
          && local.equals(ASTHelpers.getSymbol(receiver));
    }

    private static boolean mentions(Tree tree, Set<? extends Symbol> locals) {
      if (locals.isEmpty()) {
        return false;
      }
      Boolean found =
          new TreeScanner<Boolean, @Nullable Void>() {
            @Override
            public Boolean visitIdentifier(IdentifierTree identifier, @Nullable Void unused) {
              return locals.contains(ASTHelpers.getSymbol(identifier));
            }

            @Override
            public Boolean reduce(@Nullable Boolean a, @Nullable Boolean b) {
              return orFalse(a) || orFalse(b);
            }
          }.scan(tree, null);
      return orFalse(found);
    }
  }
}
