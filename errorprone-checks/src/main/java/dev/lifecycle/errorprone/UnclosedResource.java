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
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import java.util.List;
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
    link = Docs.PAGES + "UnclosedResource.md",
    linkType = CUSTOM,
    altNames = "resource",
    severity = ERROR)
public final class UnclosedResource extends BugChecker
    implements BugChecker.MethodTreeMatcher,
        BugChecker.LambdaExpressionTreeMatcher,
        BugChecker.CompilationUnitTreeMatcher {
  private static final long serialVersionUID = 1L;

  /** Set in this module's own tests, so that a crash fails a test instead of becoming a note. */
  static final String DEBUG_PROPERTY = AnalysisFailures.DEBUG_PROPERTY;

  private final transient Settings settings;

  /** What is wrong with the flags: reported once, as this check's finding, not as a crash. */
  private final transient List<String> flagProblems;

  private transient boolean flagProblemsReported;

  /** Creates the check with no project-specific settings. */
  public UnclosedResource() {
    this(Settings.DEFAULT, List.of());
  }

  /**
   * Creates the check with the {@code -XepOpt:UnclosedResource:...} flags; a malformed entry is
   * skipped and reported as an error on the first compilation unit.
   */
  @Inject
  public UnclosedResource(ErrorProneFlags flags) {
    this(Settings.lenient(flags), Settings.problems(flags));
  }

  private UnclosedResource(Settings settings, List<String> flagProblems) {
    this.settings = settings;
    this.flagProblems = List.copyOf(flagProblems);
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    if (flagProblems.isEmpty() || flagProblemsReported) {
      return Description.NO_MATCH;
    }
    flagProblemsReported = true;
    Tree at = tree.getTypeDecls().isEmpty() ? tree : tree.getTypeDecls().get(0);
    return buildDescription(at)
        .setMessage(
            String.join("; ", flagProblems)
                + " (the checks ignore the malformed entries until the flag is fixed)")
        .build();
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
      if (path == null
          || isSuppressedLocally(path)
          || Findings.reportedByAnotherCheck(path, state, settings)) {
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
      TryWithResourcesFix.fix(path, state).ifPresent(description::addFix);
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
}
